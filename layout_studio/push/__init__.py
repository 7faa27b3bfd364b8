"""Push: apply a design to live TRTC mixing tasks (StartPublishCdnStream, UpdatePublishCdnStream,
StopPublishCdnStream) through the official SDK, with a journal, SequenceNumbers, a rate limit and retries."""
