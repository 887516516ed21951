export { VIDEO_CONTAINERS, type VideoContainer, type VideoFacts } from './facts'
export { DEFAULT_VIDEO_SPEC, GIB, type Range, type VideoSpec } from './spec'
export { parseVideoSpec, videoFactsSchema, videoSpecSchema, type VideoSpecInput } from './schema'
export {
  UNREADABLE_REASONS,
  VIDEO_RULES,
  evaluateVideo,
  unreadableMessage,
  unreadableVerdict,
  type ProblemLevel,
  type UnreadableReason,
  type VideoProblem,
  type VideoRule,
  type VideoVerdict
} from './verdict'
export { formatBitrate, formatBytes, formatDuration, formatFps } from './format'
