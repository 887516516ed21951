/**
 * The container as its `ftyp` brand declares it. QuickTime files without an `ftyp` box count as
 * 'mov' (that is how the classic format starts); brands we do not know are 'other'.
 */
export const VIDEO_CONTAINERS = ['mp4', 'mov', '3gp', 'other'] as const
export type VideoContainer = (typeof VIDEO_CONTAINERS)[number]

/**
 * What a video file says about itself, read from its header boxes only (`ftyp` + `moov`).
 * Video fields are null when the file has no video track.
 */
export interface VideoFacts {
  container: VideoContainer
  /** Movie duration (`mvhd`), seconds. */
  durationSec: number
  /** Width as displayed, after the track matrix rotation (a portrait phone video is 1080 wide). */
  width: number | null
  height: number | null
  /** Video samples ÷ video track duration. */
  fps: number | null
  /** Codec family: 'h264', 'hevc', 'av1', 'vp9', 'mpeg4', 'prores', … or the sample entry code. */
  videoCodec: string | null
  /** 'aac', 'mp3', 'opus', … or null without an audio track. */
  audioCodec: string | null
  /** Video sample bytes × 8 ÷ video duration ÷ 1000. */
  videoBitrateKbps: number | null
  fileSizeBytes: number
  /** Bytes fetched from the source to learn all this: the cost a phone pays in mobile data. */
  bytesRead: number
}
