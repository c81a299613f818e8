/**
 * The gateway's exit status when it cannot start until a person fixes something (configuration, the store
 * file, a port in use): 78 is EX_CONFIG of sysexits.h. Supervisors do not restart it in a loop:
 * scripts/supervise.mjs reports it, and the systemd unit names it in RestartPreventExitStatus.
 */
export const EXIT_NEEDS_OPERATOR = 78;
