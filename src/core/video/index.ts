export { VIDEO_CONTAINERS, videoFactsSchema, type VideoContainer, type VideoFacts } from './facts'
export {
  DEFAULT_VIDEO_SPEC,
  GIB,
  parseVideoSpec,
  videoSpecSchema,
  type VideoSpec,
  type VideoSpecInput
} from './spec'
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
