/**
 * "Buka" on an activity in one google.script.run trip (each costs ~0.7 s): the step log's view
 * and the participants' headline. Two features, composed here (features never import each other).
 * The headline comes only from a fresh index (a few cells): when the index must be recounted
 * (after a person's edit) or the headline cannot be read (a header not recognised…), it is null
 * and the sidebar asks terpilahHeadline for it separately, so the view never waits for a recount.
 */
import type { OpenedActivity, SidebarApi } from './api';
import { getActivity } from './progress/activities';
import { UserError } from './sheets/errors';
import { headlineOf } from './terpilah/headline';

export const openActivity: SidebarApi['openActivity'] = (activityId: string): OpenedActivity => {
  const view = getActivity(activityId);
  let headline: OpenedActivity['headline'] = null;
  try {
    headline = headlineOf(SpreadsheetApp.getActiveSpreadsheet(), view.activity.name, 'fresh');
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  return { view, headline };
};
