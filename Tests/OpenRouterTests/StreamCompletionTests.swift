import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// When the chat stream decoder counts a reply as complete, and what it refuses to hold
/// (OpenRouter.docc/Streaming.md, Completion and Limits).
@Suite struct StreamCompletionTests {
  let usage = chunks.usage(prompt: 9, completion: 4, cost: "0.00001")

  @Test func usageAfterTheFinishReasonCompletesTheReplyAndNothingLaterIsRead() {
    // (OpenRouter.docc/EdgeCases.md, case 65)
    let result = decodeChat(
      sse(chunks.content("Done."), chunks.finish(), usage, chunks.content(" Ignored.")))
    #expect(result.error == nil)
    #expect(result.events.text == "Done.")
    #expect(result.events.summary?.usage?.totalTokens == 13)
    guard case .finished? = result.events.last else {
      Issue.record("the reply did not end with .finished: \(result.events)")
      return
    }
  }

  @Test func theReplyIsCompleteAsSoonAsTheUsageChunkIsDecoded() throws {
    var decoder = ChatStreamDecoder()
    var events: [ChatStreamEvent] = []
    try decoder.push(Array(sse(chunks.content("a"), chunks.finish()).utf8), into: &events)
    #expect(!decoder.isDone)
    try decoder.push(Array(sse(usage).utf8), into: &events)
    #expect(decoder.isDone)
    #expect(events.summary?.content == "a")
  }

  @Test func anEmptyChunkBetweenTheFinishReasonAndTheUsageIsFine() {
    let empty = #"{"id":"gen-1","choices":[{"index":0,"delta":{},"finish_reason":null}]}"#
    let result = decodeChat(sse(chunks.content("x"), chunks.finish(), empty, usage))
    #expect(result.error == nil)
    #expect(result.events.summary?.usage?.totalTokens == 13)
  }

  @Test func usageOnTheFinishChunkItselfDoesNotEndTheReplyAndTheLastUsageWins() {
    // Some OpenAI-compatible servers send usage with the finish reason and again after it.
    let withUsage =
      #"{"choices":[{"index":0,"delta":{"content":"!"},"finish_reason":"stop"}],"#
      + #""usage":{"prompt_tokens":5,"completion_tokens":5,"total_tokens":10}}"#
    var decoder = ChatStreamDecoder()
    var events: [ChatStreamEvent] = []
    #expect(throws: Never.self) { try decoder.push(Array(sse(withUsage).utf8), into: &events) }
    #expect(!decoder.isDone)
    let result = decodeChat(sse(withUsage, usage))
    #expect(result.events.summary?.usage?.totalTokens == 13)
  }

  @Test func anErrorChunkWithUsageAfterTheFinishReasonIsAnError() {
    // (OpenRouter.docc/EdgeCases.md, case 67)
    let error =
      #"{"error":{"code":400,"message":"Token limit reached"},"choices":[],"#
      + #""usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}"#
    let result = decodeChat(sse(chunks.content("x"), chunks.finish("length"), error, "[DONE]"))
    #expect(result.error?.message == "Token limit reached")
    #expect(result.events.summary == nil)
  }

  @Test(arguments: ["[DONE]", "usage", "end of input"])
  func finishReasonErrorWithoutAnErrorObjectIsAFailure(ending: String) {
    // (OpenRouter.docc/EdgeCases.md, case 64)
    var stream = sse(chunks.content("Partial"), chunks.finish("error", native: "ERROR"))
    switch ending {
    case "[DONE]": stream += sse("[DONE]")
    case "usage": stream += sse(usage)
    default: break
    }
    let result = decodeChat(stream)
    #expect(result.events.text == "Partial")
    #expect(result.events.summary == nil)
    #expect(result.error?.category == .upstream)
    #expect(result.error?.afterContent == true)
    #expect(result.error?.message == "the provider stopped the reply with ERROR")
  }

  // MARK: - Limits (cases 61 and 62)

  @Test func aLineOverTheLimitStopsTheDecoderWhateverTheCuts() {
    let text = Array((sse(chunks.content("kept")) + ": " + String(repeating: "x", count: 600)).utf8)
    let whole = decode(text, limit: 512, cuts: [])
    let cut = decode(text, limit: 512, cuts: Array(stride(from: 7, to: text.count, by: 13)))
    #expect(whole.events.text == "kept")
    #expect(whole.error?.category == .decoding)
    #expect(whole.error?.message == "a stream line is longer than 512 bytes")
    #expect(whole.events == cut.events)
    #expect(whole.error == cut.error)
  }

  @Test func dataOverTheLimitAcrossLinesStopsTheDecoder() {
    let lines = String(repeating: "data: " + String(repeating: "y", count: 40) + "\n", count: 10)
    let result = decode(Array(lines.utf8), limit: 256, cuts: [])
    #expect(result.error?.message == "a stream event is larger than 256 bytes")
    #expect(result.error?.afterContent == false)
  }

  @Test func theSSEDecoderIgnoresEverythingAfterAnOverflow() {
    var decoder = SSEDecoder(maxLineLength: 16, maxEventLength: 16)
    #expect(decoder.push(Array("data: 0123456789abcdef0123\n\n".utf8)).isEmpty)
    #expect(decoder.overflow == .line(limit: 16))
    #expect(decoder.push(Array("data: x\n\n".utf8)).isEmpty)
    #expect(decoder.finish() == nil)
    var events = SSEDecoder(maxLineLength: 16, maxEventLength: 16)
    #expect(events.push(Array("data: 0123456789\ndata: 0123456789\n\n".utf8)).isEmpty)
    #expect(events.overflow == .event(limit: 16))
    var fits = SSEDecoder(maxLineLength: 16, maxEventLength: 16)
    #expect(fits.push(Array("data: 0123456789\n\n".utf8)) == [SSEEvent(data: "0123456789")])
    #expect(fits.overflow == nil)
  }

  func decode(_ bytes: [UInt8], limit: Int, cuts: [Int])
    -> (events: [ChatStreamEvent], error: OpenRouterError?)
  {
    var decoder = ChatStreamDecoder(maxBufferedBytes: limit)
    var events: [ChatStreamEvent] = []
    var start = 0
    do {
      for cut in cuts + [bytes.count] where cut >= start {
        try decoder.push(Array(bytes[start..<cut]), into: &events)
        start = cut
      }
      try decoder.finish(into: &events)
      return (events, nil)
    } catch {
      return (events, error as? OpenRouterError)
    }
  }
}
