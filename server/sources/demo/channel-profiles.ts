import type { Channel } from '../../../shared/model';

/** What a normal busy hour looks like per channel: backlog and p90 durations in seconds. */
export interface ChannelProfile {
  readonly backlog: number;
  readonly firstResponseP90: number;
  readonly resolutionP90: number;
}

const MIN = 60;
const HOUR = 3600;
const social: ChannelProfile = { backlog: 22, firstResponseP90: 35 * MIN, resolutionP90: 5 * HOUR };

export const CHANNEL_PROFILES: Readonly<Record<Channel, ChannelProfile>> = {
  email: { backlog: 110, firstResponseP90: 2.5 * HOUR, resolutionP90: 16 * HOUR },
  chat: { backlog: 8, firstResponseP90: 70, resolutionP90: 20 * MIN },
  phone: { backlog: 5, firstResponseP90: 35, resolutionP90: 12 * MIN },
  trustpilot: social,
  facebook: social,
  instagram: social,
  x: social,
  linkedin: social,
};

/**
 * Standing pressure on particular demo queues, so a demo always shows something to act on:
 * a viral Trustpilot thread in Lisbon and an understaffed partner chat in Amsterdam.
 */
export const DEMO_PRESSURE: Readonly<Record<string, number>> = {
  'lis-trustpilot': 3.8,
  'ams-chat-de': 1.7,
};
