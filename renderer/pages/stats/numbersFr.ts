/** « 1 234 567 », French grouping. */
export const countFr = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 0 });

/** « 12,5 % » of `total`; « – » when there is none. */
export const shareFr = (value: number, total: number) => (total ? `${((value / total) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %` : '–');
