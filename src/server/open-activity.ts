/**
 * "Buka" on an activity in one google.script.run trip (each costs ~0.7 s): the step log's view
 * and the participants' headline. Two features, composed here (features never import each other).
 * The headline is a courtesy: when it cannot be read (a register whose header is not
 * recognised…), the activity opens without it.
 */
import type { OpenedActivity, SidebarApi } from './api';
import { getActivity } from './progress/activities';
import { UserError } from './sheets/errors';
import { headlineOf } from './terpilah/headline';

export const openActivity: SidebarApi['openActivity'] = (activityId: string): OpenedActivity => {
  const view = getActivity(activityId);
  let headline: OpenedActivity['headline'] = null;
  try {
    headline = headlineOf(SpreadsheetApp.getActiveSpreadsheet(), view.activity.name, false);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  return { view, headline };
};
