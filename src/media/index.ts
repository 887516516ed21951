/**
 * Header-only MP4 inspection for every runtime (phone, H5, cloud). Node's file source lives in
 * `file-source.node.ts` so no phone bundle ever pulls in `node:fs`.
 */
export { blobSource, bytesSource, httpSource, type ByteSource, type HttpSourceOptions } from './byte-source'
export { UnreadableVideoError, VideoReadError } from './errors'
export {
  DEFAULT_READ_LIMITS,
  containerOf,
  inspectVideo,
  maxBytesRead,
  maxReads,
  readVideoFacts,
  type ReadLimits,
  type ReadVideoOptions,
  type VideoInspection
} from './read-video-facts'
