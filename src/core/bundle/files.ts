/** One file of a rendered bundle; paths are relative to the bundle's top folder and use '/'. */
export interface BundleFile {
  path: string;
  content: string;
}

/** Passwords by user name (the system user included). They go only into the Secret and local/secrets.env. */
export type Passwords = Record<string, string>;
