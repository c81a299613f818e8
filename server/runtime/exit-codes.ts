/**
 * The gateway's exit status when it cannot start until a person fixes something (configuration, the store
 * file, a port in use): 78 is EX_CONFIG of sysexits.h. Supervisors do not restart it in a loop:
 * scripts/supervise.mjs reports it, and the systemd unit names it in RestartPreventExitStatus.
 */
export const EXIT_NEEDS_OPERATOR = 78;

/**
 * A gateway of a cluster that lost its lease while it evaluated (Redis unreachable longer than the lease,
 * the process paused): it stops at once, as another may already evaluate, and ends with 75 (EX_TEMPFAIL) so
 * its supervisor starts it afresh as a standby, with nothing of the old run counted twice.
 */
export const EXIT_LEASE_LOST = 75;
