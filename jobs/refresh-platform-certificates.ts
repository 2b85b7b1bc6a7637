import { defineJob } from '../infrastructure/scheduling/scheduled-job';

/** WeChat Pay's platform certificates, downloaded and shared, so a rotation is trusted before it is used. */
export const refreshPlatformCertificatesJob = defineJob({
  name: 'refresh-platform-certificates',
  schedule: '0 */10 * * * *',
  batch: 1,
  needs: 'platform-certificates',
  run: async ({ platformKeys }) => {
    if (!platformKeys) return { learned: 0, downloaded: 0 };
    const report = await platformKeys.refresh();
    return { learned: report.learned.length, downloaded: report.downloaded ? 1 : 0 };
  },
});
