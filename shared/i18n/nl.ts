import type { Messages } from './en';

/** Dutch (Netherlands). */
export const nl: Messages = {
  status: { ok: 'OK', warning: 'Waarschuwing', critical: 'Kritiek', 'no-data': 'Geen gegevens', stale: 'Verouderd' },
  tile: {
    last: 'Laatst: {{status}}',
    staleStatus: 'Verouderd: {{status}}',
    partner: 'Partner',
    notLive: '{{name}}: {{status}} (niet live)',
    atRisk: 'Overschrijding over ~{{duration}}',
    slaBreached_one: '{{formatted}} ticket buiten SLA',
    slaBreached_other: '{{formatted}} tickets buiten SLA',
    acknowledged: 'Bevestigd door {{name}}',
    snoozed: 'Gepauzeerd tot {{time}}',
    dataAge: 'gegevens {{age}} oud',
    trend: { rising: 'Achterstand stijgt: {{delta}} in 15 min', falling: 'Achterstand daalt: {{delta}} in 15 min', steady: 'Achterstand stabiel over 15 min' },
    staleReason: { 'no-recent-data': 'Geen recente gegevens', 'source-down': 'Bron onbereikbaar' },
    history: 'Achterstand, laatste uur',
  },
  metric: {
    backlog: 'Achterstand',
    oldestWaitingSeconds: 'Langst wachtend',
    firstResponseP50: '1e reactie p50',
    firstResponseP90: '1e reactie p90',
    resolutionP50: 'Oplostijd p50',
    resolutionP90: 'Oplostijd p90',
    slaAttainment: 'SLA',
    inflowPerHour: 'Instroom',
    outflowPerHour: 'Uitstroom',
    agentsOnline: 'Agenten',
    slaBreached: 'SLA overschreden',
  },
  channel: {
    email: 'E-mail', chat: 'Chat', phone: 'Telefoon', trustpilot: 'Trustpilot',
    facebook: 'Facebook', instagram: 'Instagram', x: 'X', linkedin: 'LinkedIn',
  },
  header: {
    allOffices: 'Alle kantoren',
    worst: 'Slechtst: {{status}}',
    unknown: 'Status onbekend',
    showingDataFrom: 'gegevens van {{time}}',
    page: 'Pagina {{page}} van {{pages}}',
    language: 'Taal: {{language}} (druk op L om te wisselen)',
  },
  connection: { connecting: 'Verbinden', live: 'Live', reconnecting: 'Geen verbinding', incompatible: 'Incompatibele gateway', refused: 'Toegang geweigerd' },
  problem: {
    disconnected: 'Verbinding met de gateway verbroken; opnieuw verbinden.',
    unreachable: 'Gateway niet bereikbaar ({{detail}}); nieuwe poging.',
    invalid: 'Ongeldig bericht van de gateway genegeerd: {{detail}}',
    rejected: 'De gateway weigerde een bericht: {{detail}}',
    incompatible: '{{detail}}',
    refused: '{{detail}}',
  },
  wall: { unknownOffice: 'Geen kantoor “{{office}}” op deze gateway. Kantoren: {{offices}}.', unknownGroup: 'Geen wachtrijgroep “{{group}}” op deze gateway. Groepen: {{groups}}.' },
  access: {
    /** A screen refused for too many failed attempts, counting down to its next try by itself. */
    lockedOut: 'Te veel mislukte aanmeldpogingen vanaf dit scherm of zijn netwerk. Nieuwe poging over {{seconds}} s.',
  },
};
