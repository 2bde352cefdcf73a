export { loadPolicyFile, parsePolicyYaml, PolicyFileError } from './load-policy-file';
