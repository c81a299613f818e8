import type { Messages } from './en';

/** Portuguese (Portugal). */
export const pt: Messages = {
  status: { ok: 'OK', warning: 'Aviso', critical: 'Crítico', 'no-data': 'Sem dados', stale: 'Desatualizado' },
  tile: {
    last: 'Último: {{status}}',
    staleStatus: 'Desatualizado: {{status}}',
    partner: 'Parceiro',
    notLive: '{{name}}: {{status}} (não em direto)',
    atRisk: 'Rutura em ~{{duration}}',
    slaBreached_one: '{{formatted}} pedido fora do SLA',
    slaBreached_other: '{{formatted}} pedidos fora do SLA',
    acknowledged: 'Reconhecido por {{name}}',
    snoozed: 'Adiado até às {{time}}',
    dataAge: 'dados de há {{age}}',
    trend: { rising: 'Pendentes a subir: {{delta}} em 15 min', falling: 'Pendentes a descer: {{delta}} em 15 min', steady: 'Pendentes estáveis em 15 min' },
    staleReason: { 'no-recent-data': 'Sem dados recentes', 'source-down': 'Fonte indisponível' },
    history: 'Pendentes, última hora',
  },
  metric: {
    backlog: 'Pendentes',
    oldestWaitingSeconds: 'Espera mais longa',
    firstResponseP50: '1.ª resposta p50',
    firstResponseP90: '1.ª resposta p90',
    resolutionP50: 'Resolução p50',
    resolutionP90: 'Resolução p90',
    slaAttainment: 'SLA',
    inflowPerHour: 'Entradas',
    outflowPerHour: 'Saídas',
    agentsOnline: 'Agentes',
    slaBreached: 'Fora do SLA',
  },
  channel: {
    email: 'Email', chat: 'Chat', phone: 'Telefone', trustpilot: 'Trustpilot',
    facebook: 'Facebook', instagram: 'Instagram', x: 'X', linkedin: 'LinkedIn',
  },
  header: {
    allOffices: 'Todos os escritórios',
    worst: 'Pior: {{status}}',
    unknown: 'Estado desconhecido',
    showingDataFrom: 'dados das {{time}}',
    page: 'Página {{page}} de {{pages}}',
    language: 'Idioma: {{language}} (tecla L para mudar)',
  },
  connection: { connecting: 'A ligar', live: 'Em direto', reconnecting: 'Sem ligação', incompatible: 'Gateway incompatível', refused: 'Acesso recusado' },
  problem: {
    disconnected: 'Perdeu-se a ligação ao gateway; a voltar a ligar.',
    unreachable: 'Não é possível contactar o gateway ({{detail}}); a tentar de novo.',
    invalid: 'Ignorada uma mensagem inválida do gateway: {{detail}}',
    rejected: 'O gateway recusou uma mensagem: {{detail}}',
    incompatible: '{{detail}}',
    refused: '{{detail}}',
  },
  wall: { unknownOffice: 'Não existe o escritório “{{office}}” neste gateway. Escritórios: {{offices}}.', unknownGroup: 'Não existe o grupo de filas “{{group}}” neste gateway. Grupos: {{groups}}.' },
  access: {
    /** A screen refused for too many failed attempts, counting down to its next try by itself. */
    lockedOut: 'Demasiadas tentativas de acesso falhadas a partir deste ecrã ou da sua rede. Nova tentativa dentro de {{seconds}} s.',
  },
};
