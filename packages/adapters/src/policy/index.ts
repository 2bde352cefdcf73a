export { loadPolicyFile, parsePolicyYaml } from './load-policy-file';
export { compilePolicy, loadCompiledPolicy, parseCompiledPolicy } from './compiled-policy';
export { PolicyFileError } from './policy-file-error';
