import type { ActivityInfo } from './model';

/**
 * The SOP an activity ran, as the monitoring report groups it: the template's name, and from
 * version 2 on its version ("Penguatan PUG · versi 2"), so runs of a revised SOP are not mixed
 * with runs of the version before. Activities from before versions (no number) and version 1
 * keep the plain name.
 */
export function sopGroupName(info: Pick<ActivityInfo, 'templateName' | 'templateVersion'>): string {
  return info.templateVersion && info.templateVersion > 1
    ? `${info.templateName} · versi ${info.templateVersion}`
    : info.templateName;
}
