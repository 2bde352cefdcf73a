/** One problem in the policy file, located by its path inside the file, e.g. `rules[2].roles`. */
export interface PolicyError {
  readonly path: string;
  readonly message: string;
}

export const formatPolicyError = (error: PolicyError): string =>
  error.path === '' ? error.message : `${error.path}: ${error.message}`;

/** `['rules', 2, 'approverGroups']` → `rules[2].approverGroups`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    const plain = /^[A-Za-z_$][\w$-]*$/.test(name);
    if (!plain) return `${text}[${JSON.stringify(name)}]`;
    return text === '' ? name : `${text}.${name}`;
  }, '');
