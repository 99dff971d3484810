// libFuzzer entry for the SSE decoder and the chat stream decoder.
//
// Build and run with Tests/Fuzz/run-fuzz.sh. Besides "no crash", every input checks the
// split property: the events (and the error) must not depend on how the bytes were cut; and
// the fast chunk scanner must agree with the general JSON decoder on every input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  // The first byte chooses the read sizes; the rest is the stream.
  let seed = data[0]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))

  let whole = decodeSSE(bytes, cuts: [])
  let cut = decodeSSE(bytes, cuts: cuts(for: bytes.count, seed: seed))
  if whole.events != cut.events || whole.pending != cut.pending {
    fatalError("SSE events depend on how the bytes were cut")
  }

  let chatWhole = decodeChat(bytes, cuts: [])
  let chatCut = decodeChat(bytes, cuts: cuts(for: bytes.count, seed: seed))
  if chatWhole.events != chatCut.events || chatWhole.error != chatCut.error {
    fatalError("chat events depend on how the bytes were cut")
  }

  let general = decodeChat(bytes, cuts: [], scansChunks: false)
  if general.events != chatWhole.events || general.error != chatWhole.error {
    fatalError("the chunk scanner and the JSON decoder disagree")
  }
  return 0
}

func cuts(for count: Int, seed: UInt8) -> [Int] {
  guard count > 0 else { return [] }
  var state = UInt32(seed) &* 2_654_435_761 | 1
  var result: [Int] = []
  var position = 0
  while position < count {
    state ^= state << 13
    state ^= state >> 17
    state ^= state << 5
    position += Int(state % 7) + 1
    result.append(min(position, count))
  }
  return result
}

func decodeSSE(_ bytes: [UInt8], cuts: [Int]) -> (events: [SSEEvent], pending: SSEEvent?) {
  var decoder = SSEDecoder()
  var events: [SSEEvent] = []
  var start = 0
  for cut in cuts + [bytes.count] where cut >= start {
    events += decoder.push(bytes[start..<cut])
    start = cut
  }
  return (events, decoder.finish())
}

func decodeChat(_ bytes: [UInt8], cuts: [Int], scansChunks: Bool = true) -> (
  events: [ChatStreamEvent], error: OpenRouterError?
) {
  var decoder = ChatStreamDecoder()
  decoder.scansChunks = scansChunks
  var events: [ChatStreamEvent] = []
  var start = 0
  do {
    for cut in cuts + [bytes.count] where cut >= start {
      try decoder.push(Array(bytes[start..<cut]), into: &events)
      start = cut
    }
    try decoder.finish(into: &events)
    return (events, nil)
  } catch let error as OpenRouterError {
    return (events, error)
  } catch {
    fatalError("the decoder threw something other than OpenRouterError: \(error)")
  }
}
