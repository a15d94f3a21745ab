// The package ships no type declarations; only the word lists used here are declared.
declare module 'stopword' {
  export const eng: string[];
  export const deu: string[];
  export const fra: string[];
  export const spa: string[];
  export const ita: string[];
  export const por: string[];
  export const nld: string[];
  export const rus: string[];
  export const ukr: string[];
  export const pol: string[];
  export const jpn: string[];
  export const zho: string[];
  export const ces: string[];
  export const swe: string[];
  export const tur: string[];
  export const ron: string[];
  export const hun: string[];
  export const hrv: string[];
}
