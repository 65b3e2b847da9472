// The files a config is searched in, in order, at the repository's root (STYLE.md "Config").
export const CONFIG_FILES = ['.selfreviewrc.json', '.selfreviewrc.yaml', '.selfreviewrc.yml', 'selfreview.config.json'] as const;
