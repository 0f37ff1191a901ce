/**
 * A message is its text, or a function of typed parameters that returns the text. The English catalog
 * (src/i18n/en/) is the contract: its ids and parameter types are what `t()` accepts, and every other
 * locale must give the same ids with the same parameters (the type `Translation` checks both ways).
 */
export type Message = string | ((p: any) => string);

export type Messages = Record<string, Message>;

/** The same ids as `T`, each taking the same parameters; excess or missing ids are type errors. */
export type Translation<T extends Messages> = {
  [K in keyof T]: T[K] extends (p: infer P) => string ? (p: P) => string : string;
};
