import { defineAction, textField } from '../../routing/action-codec';

/** Job names come from configuration, not from us: only names that fit travel in a button. */
export const JOB_NAME = /^[A-Za-z0-9_.-]{1,48}$/;

export const jobsActions = {
  jobs: defineAction('jobs', 'jb', {}, { adminOnly: true }),
  runJob: defineAction('runJob', 'jr', { name: textField(JOB_NAME) }, { adminOnly: true }),
};
