import Foundation
import Testing

@testable import OpenRouter

/// The fast chunk scanner reads the usual text chunk exactly as `JSONDecoder` does, and
/// leaves every other shape to it.
@Suite struct ChunkScannerTests {
  /// What both decoders make of a chunk, in comparable form.
  struct Reading: Equatable {
    var id, model, provider: String?
    var choices: Int
    var content, reasoning: String?
    var reasoningDetails: [JSONValue]?

    init(_ chunk: ChatChunk) {
      id = chunk.id
      model = chunk.model
      provider = chunk.provider
      choices = chunk.choices.count
      content = chunk.choices.first?.delta?.content
      reasoning = chunk.choices.first?.delta?.reasoning
      reasoningDetails = chunk.choices.first?.delta?.reasoningDetails
    }
  }

  static let scanned: [String] = [
    #"{"id":"gen-1","object":"chat.completion.chunk","created":1700000000,"model":"openai/gpt-4o","provider":"OpenAI","choices":[{"index":0,"delta":{"role":"assistant","content":"Hello"},"finish_reason":null,"native_finish_reason":null,"logprobs":null}],"system_fingerprint":"fp_1"}"#,
    #" { "choices" : [ { "delta" : { "content" : "spaced" } } ] } "#,
    #"{"choices":[{"delta":{"content":"caf\u00e9 \"q\" \\ \/ \n\t\b\f\r \u0000 \u2028"}}]}"#,
    #"{"choices":[{"delta":{"content":"Grüße 👋 日本語"}}]}"#,
    #"{"choices":[{"delta":{"reasoning":"thinking","content":null,"reasoning_details":null}}],"usage":null,"error":null}"#,
    #"{"choices":[{"delta":{"\u0063ontent":"an escaped key"}}]}"#,
    #"{"choices":[],"model":null}"#,
    #"{"choices":null}"#,
    #"{"choices":[{"delta":null}]}"#,
    #"{"choices":[{"delta":{}}],"extra":{"a":[1,-2.5e+3,0.5,true,false,null,{"b":"c"},[]],"e":{}}}"#,
    #"{"choices":[{"delta":{"reasoning":"Let me","reasoning_details":[{"type":"reasoning.text","text":"Let me","format":"anthropic-claude-v1","index":0}]}}]}"#,
    #"{"choices":[{"delta":{"content":"","reasoning_details":[{"type":"reasoning.encrypted","data":"e30=","id":null,"index":-12,"done":true}, {}]}}]}"#,
    #"{"choices":[{"delta":{"content":"x","reasoning_details":[]}}]}"#,
  ]

  static let declined: [String] = [
    #"{"choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]}"#,
    #"{"choices":[{"delta":{}}],"usage":{"prompt_tokens":1}}"#,
    #"{"error":{"code":502,"message":"down"}}"#,
    #"{"usage":{"prompt_tokens":1}}"#,
    #"{"choices":[{"delta":{"tool_calls":[{"index":0}]}}]}"#,
    #"{"choices":[{"delta":{"reasoning_details":[{"index":0.5}]}}]}"#,
    #"{"choices":[{"delta":{"reasoning_details":[{"index":1e2}]}}]}"#,
    #"{"choices":[{"delta":{"reasoning_details":[{"index":01}]}}]}"#,
    #"{"choices":[{"delta":{"reasoning_details":[{"index":-0}]}}]}"#,
    #"{"choices":[{"delta":{"reasoning_details":[{"index":1234567890123456}]}}]}"#,
    #"{"choices":[{"delta":{"reasoning_details":[{"nested":{"a":1}}]}}]}"#,
    #"{"choices":[{"delta":{"reasoning_details":[{"a":1,"a":2}]}}]}"#,
    #"{"choices":[{"delta":{"reasoning_details":["text"]}}]}"#,
    #"{"choices":[{"delta":{"annotations":[]}}]}"#,
    #"{"choices":[{"delta":{"images":[]}}]}"#,
    #"{"choices":[{"message":{"content":"whole"}}]}"#,
    #"{"choices":[{"delta":{"content":"a"}},{"delta":{"content":"b"}}]}"#,
    #"{"choices":[{"delta":{"content":"x","content":"y"}}]}"#,
    #"{"choices":[{"delta":{"content":5}}]}"#,
    #"{"choices":[{"delta":{"content":"\ud83d\ude80"}}]}"#,
    #"{"choices":[{"delta":{"content":"\ud800"}}]}"#,
    #"{"choices":[{"delta":{"content":"x"}}],"n":01}"#,
    #"{"choices":[{"delta":{"content":"x"}}],"n":1.}"#,
    #"{"choices":[{"delta":{"content":"x"}}]} trailing"#,
    #"{"choices":[{"delta":{"content":"x"}}],}"#,
    "{\"choices\":[{\"delta\":{\"content\":\"raw\ttab\"}}]}",
    #"{"choices":[{"delta":{"content":"x"}}]"#,
    "[1]",
    "",
  ]

  @Test(arguments: scanned)
  func readsTheUsualChunkAsTheJSONDecoderDoes(_ payload: String) throws {
    let fast = try #require(ChunkScanner.chunk(Substring(payload)), "declined: \(payload)")
    let general = try JSONDecoder().decode(ChatChunk.self, from: Data(payload.utf8))
    #expect(Reading(fast) == Reading(general))
  }

  @Test(arguments: declined)
  func leavesOtherShapesToTheJSONDecoder(_ payload: String) {
    #expect(ChunkScanner.chunk(Substring(payload)) == nil)
  }

  @Test func deepNestingIsDeclined() {
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(ChunkScanner.chunk(Substring(#"{"choices":[],"x":"# + deep + "}")) == nil)
  }

  /// A whole stream decodes to the same events with and without the scanner, mid-stream
  /// error, finish and usage included.
  @Test func aStreamGivesTheSameEventsEitherWay() throws {
    let stream =
      (Self.scanned + [
        #"{"choices":[{"delta":{"content":"!"},"finish_reason":"stop"}]}"#,
        #"{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":9,"total_tokens":12}}"#,
      ]).map { "data: \($0)\n\n" }.joined() + "data: [DONE]\n\n"
    func events(scanning: Bool) throws -> [ChatStreamEvent] {
      var decoder = ChatStreamDecoder()
      decoder.scansChunks = scanning
      var events: [ChatStreamEvent] = []
      try decoder.push(Array(stream.utf8), into: &events)
      try decoder.finish(into: &events)
      return events
    }
    let fast = try events(scanning: true)
    #expect(fast == (try events(scanning: false)))
    #expect(fast.contains(.content("Hello")))
    #expect(fast.contains(.reasoning("Let me")))
    #expect(fast.contains(.finishReason(.stop)))
    #expect(fast.last.map { if case .finished = $0 { true } else { false } } == true)
  }
}
