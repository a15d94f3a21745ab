/** The options page: the corpus, capture, import, feeds, export, management, the budget, the team server and privacy, each in its panel. */
import { startBudgetPanel } from './budget-panel.ts';
import { startCapturePanel } from './capture-panel.ts';
import { startOptions } from './corpus-panel.ts';
import { startExportPanel } from './export-panel.ts';
import { startFeedsPanel } from './feeds-panel.ts';
import { startImportPanel } from './import-panel.ts';
import { startManagePanel } from './manage-panel.ts';
import { startStoragePanel } from './storage-panel.ts';
import { startTeamPanel } from './team-panel.ts';

export async function startOptionsPage(doc: Document): Promise<void> {
  startStoragePanel(doc);
  startBudgetPanel(doc);
  startImportPanel(doc);
  startFeedsPanel(doc);
  startExportPanel(doc);
  startManagePanel(doc);
  await Promise.all([startOptions(doc), startCapturePanel(doc), startTeamPanel(doc)]);
  doc.body.dataset.ready = 'true';
}
