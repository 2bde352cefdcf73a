/**
 * CloudTrail event history of one session, filtered by its AccessKeyId, in the session's region:
 * every API call made with those credentials (management events, last 90 days). The console opens
 * in whichever account the browser is signed in to — the session's account is shown next to the
 * link, and the person must switch to it. The console domain follows the role ARN's partition.
 */
export function cloudTrailEventHistoryUrl(session: {
  readonly roleArn: string;
  readonly region: string;
  readonly accessKeyId: string;
}): string {
  const partition = session.roleArn.split(':')[1] ?? 'aws';
  const domain =
    partition === 'aws-cn'
      ? 'console.amazonaws.cn'
      : partition === 'aws-us-gov'
        ? 'console.amazonaws-us-gov.com'
        : 'console.aws.amazon.com';
  const region = encodeURIComponent(session.region);
  return `https://${region}.${domain}/cloudtrailv2/home?region=${region}#/events?AccessKeyId=${encodeURIComponent(session.accessKeyId)}`;
}
