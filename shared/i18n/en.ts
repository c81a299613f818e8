/** English: the source of every key, for every runtime (renderer views, main's tray and notifications). Portuguese and Dutch must have the same keys (checked by a test). */
export const en = {
  status: { ok: 'OK', warning: 'Warning', critical: 'Critical', 'no-data': 'No data', stale: 'Stale' },
  tile: {
    last: 'Last: {{status}}',
    staleStatus: 'Stale: {{status}}',
    partner: 'Partner',
    notLive: '{{name}}: {{status}} (not live)',
    atRisk: 'Breach in ~{{duration}}',
    slaBreached_one: '{{formatted}} ticket past SLA',
    slaBreached_other: '{{formatted}} tickets past SLA',
    acknowledged: 'Acknowledged by {{name}}',
    snoozed: 'Snoozed until {{time}}',
    dataAge: 'data {{age}} old',
    trend: { rising: 'Backlog rising: {{delta}} in 15 min', falling: 'Backlog falling: {{delta}} in 15 min', steady: 'Backlog steady over 15 min' },
    staleReason: { 'no-recent-data': 'No recent data', 'source-down': 'Source down' },
    history: 'Backlog, last hour',
  },
  metric: {
    backlog: 'Backlog',
    oldestWaitingSeconds: 'Oldest waiting',
    firstResponseP50: 'First reply p50',
    firstResponseP90: 'First reply p90',
    resolutionP50: 'Resolution p50',
    resolutionP90: 'Resolution p90',
    slaAttainment: 'SLA',
    inflowPerHour: 'Inflow',
    outflowPerHour: 'Outflow',
    agentsOnline: 'Agents',
    slaBreached: 'SLA breached',
  },
  channel: {
    email: 'Email', chat: 'Chat', phone: 'Phone', trustpilot: 'Trustpilot',
    facebook: 'Facebook', instagram: 'Instagram', x: 'X', linkedin: 'LinkedIn',
  },
  header: {
    allOffices: 'All offices',
    worst: 'Worst: {{status}}',
    unknown: 'Status unknown',
    showingDataFrom: 'showing data from {{time}}',
    page: 'Page {{page}} of {{pages}}',
    language: 'Language: {{language}} (press L to change)',
  },
  connection: { connecting: 'Connecting', live: 'Live', reconnecting: 'Disconnected', incompatible: 'Incompatible gateway', refused: 'Access refused' },
  problem: {
    disconnected: 'Lost the connection to the gateway; reconnecting.',
    unreachable: 'Cannot reach the gateway ({{detail}}); retrying.',
    invalid: 'Ignored an invalid message from the gateway: {{detail}}',
    rejected: 'The gateway refused a message: {{detail}}',
    incompatible: '{{detail}}',
    refused: '{{detail}}',
  },
  wall: { unknownOffice: 'No office “{{office}}” on this gateway. Offices: {{offices}}.', unknownGroup: 'No queue group “{{group}}” on this gateway. Groups: {{groups}}.' },
  access: {
    /** A screen refused for too many failed attempts, counting down to its next try by itself. */
    lockedOut: 'Too many failed sign-in attempts from this screen or its network. Trying again in {{seconds}} s.',
  },
};

/** The shape every language fills in. */
export type Messages = typeof en;
