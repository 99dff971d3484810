import Foundation
import TestSupport
import Testing

@testable import OpenRouter

/// Web search sources, search counts and caching figures, in the shapes of recorded
/// OpenRouter traffic (reduced to what orchat reads); and the request fields that ask for
/// search, caching and routing (OpenRouter.docc/WebSearch.md, PromptCaching.md).
@Suite struct WebSearchWireTests {
  let chunks = StubChunks(provider: "Novita", model: "deepseek/deepseek-chat")

  func annotated(_ citations: String...) -> String {
    chunks.delta(
      #""content":"","role":"assistant","annotations":[\#(citations.joined(separator: ","))]"#)
  }

  // MARK: - Streams

  @Test func sourcesBeforeTheTextArriveOnceEachAndTheSearchCountIsRead() {
    // As recorded with an Exa-backed search: one source per delta, empty content, no
    // passage ranges, an excerpt; then the text; the count under server_tool_use_details.
    let first = chunks.citation(url: "https://github.com/swiftlang/swift", title: "swiftlang/swift")
    let second = chunks.citation(url: "https://www.swift.org/", title: "")
    let usage = chunks.usage(
      prompt: 1854, completion: 13, cost: "0.0077585",
      extra: #","server_tool_use_details":{"web_search_requests":1,"tool_calls_requested":1,"#
        + #""tool_calls_executed":1}"#)
    let result = decodeChat(
      sse(
        annotated(first), annotated(second), chunks.content("https://github.com/swiftlang/swift"),
        chunks.finish(), usage, "[DONE]"))
    #expect(result.error == nil)
    let one = URLCitation(
      url: "https://github.com/swiftlang/swift", title: "swiftlang/swift", startIndex: 0,
      endIndex: 0)
    let two = URLCitation(url: "https://www.swift.org/", title: "", startIndex: 0, endIndex: 0)
    let annotations = result.events.compactMap {
      if case .annotations(let items) = $0 { items } else { nil }
    }
    // The excerpt is dropped: it is never shown.
    #expect(annotations == [[one], [two]])
    #expect(result.events.summary?.annotations == [one, two])
    #expect(result.events.text == "https://github.com/swiftlang/swift")
    let reported = result.events.summary?.usage
    #expect(reported?.webSearchRequests == 1)
    #expect(reported?.cost == Decimal(string: "0.0077585"))
    #expect(reported?.cacheSavings == nil)
  }

  @Test func aRepeatedListAddsOnlyWhatIsNew() {
    let first = chunks.citation(url: "https://a.example/", title: "A")
    let second = chunks.citation(url: "https://b.example/", title: "B")
    let result = decodeChat(
      sse(
        annotated(first), chunks.content("Text."), annotated(first, second), chunks.finish(),
        "[DONE]"))
    let annotations = result.events.compactMap {
      if case .annotations(let items) = $0 { items.map(\.url) } else { nil }
    }
    #expect(annotations == [["https://a.example/"], ["https://b.example/"]])
    #expect(
      result.events.summary?.annotations.map(\.url) == ["https://a.example/", "https://b.example/"])
  }

  @Test func otherAnnotationTypesAndBrokenItemsAreSkipped() {
    let good = chunks.citation(url: "https://ok.example/", title: "OK")
    let delta = chunks.delta(
      #""content":"","annotations":[{"type":"file_citation","file_citation":{"file_id":"f"}},"#
        + #"{"type":"url_citation","url_citation":{"title":"no url"}},"#
        + #"{"type":"url_citation","url_citation":{"url":"","title":"empty"}},"#
        + #"{"type":"url_citation","url_citation":{"url":"https://x.example/","start_index":"3"}},"#
        + good + "]")
    let result = decodeChat(sse(delta, chunks.content("x", finish: "stop"), "[DONE]"))
    #expect(result.error == nil)
    // An index that is not a number is dropped, the citation kept.
    #expect(
      result.events.summary?.annotations == [
        URLCitation(url: "https://x.example/"),
        URLCitation(url: "https://ok.example/", title: "OK", startIndex: 0, endIndex: 0),
      ])
  }

  @Test func annotationsThatAreNotAListDoNotBreakTheStream() {
    let delta = chunks.delta(#""content":"Hi","annotations":{"type":"url_citation"}"#)
    let result = decodeChat(sse(delta, chunks.finish(), "[DONE]"))
    #expect(result.error == nil)
    #expect(result.events.text == "Hi")
    #expect(result.events.summary?.annotations == [])
  }

  @Test func theNumberOfSourcesIsCapped() {
    let many = (0..<300).map { chunks.citation(url: "https://s\($0).example/", title: "\($0)") }
    let result = decodeChat(sse(annotated(many.joined(separator: ",")), chunks.finish(), "[DONE]"))
    #expect(result.events.summary?.annotations.count == CitationCollector.limit)
  }

  @Test func aSearchWithoutSourcesStillCountsItsSearch() {
    // A search whose answer cites nothing: only the usage tells (server_tool_use_details).
    let usage = chunks.usage(
      prompt: 8174, completion: 30, cost: "0.0133176",
      extra: #","server_tool_use_details":{"web_search_requests":1}"#)
    let result = decodeChat(
      sse(chunks.content("https://github.com"), chunks.finish(), usage, "[DONE]"))
    #expect(result.events.summary?.annotations == [])
    #expect(result.events.summary?.usage?.webSearchRequests == 1)
  }

  // MARK: - Whole replies

  @Test func aWholeReplyCarriesRangedSourcesSearchesAndCacheFigures() throws {
    // As recorded from a native search: the passage range covers the markdown link the
    // model wrote; two searches under server_tool_use; cached prompt tokens.
    let content = "Latest is **4.0.6**. ([ruby-lang.org](https://www.ruby-lang.org/en/downloads/))"
    let body =
      #"{"id":"gen-1","model":"openai/gpt-5.2","provider":"OpenAI","choices":[{"index":0,"#
      + #""finish_reason":"stop","native_finish_reason":"completed","message":{"role":"assistant","#
      + #""content":\#(StubChunks.quote(content)),"refusal":null,"reasoning":null,"annotations":[{"#
      + #""type":"url_citation","url_citation":{"url":"https://www.ruby-lang.org/en/downloads/","#
      + #""title":"Download Ruby","start_index":21,"end_index":79}}]}}],"usage":{"#
      + #""prompt_tokens":14312,"completion_tokens":326,"total_tokens":14638,"cost":0.0427556,"#
      + #""prompt_tokens_details":{"cached_tokens":4352,"cache_write_tokens":0},"#
      + #""server_tool_use":{"web_search_requests":2}}}"#
    let response = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(body.utf8))
    #expect(
      response.citations == [
        URLCitation(
          url: "https://www.ruby-lang.org/en/downloads/", title: "Download Ruby", startIndex: 21,
          endIndex: 79)
      ])
    #expect(content.unicodeScalars.count == 79)
    #expect(response.usage?.webSearchRequests == 2)
    #expect(response.usage?.cachedTokens == 4352)
    let events = OpenRouterClient.events(from: response, retries: [])
    #expect(events.contains(.annotations(response.citations)))
    #expect(events.summary?.annotations == response.citations)
  }

  @Test func numberedSourcesOfAWholeReplyKeepTheirOrder() throws {
    // Perplexity numbers its sources in the text ([1][3]) in the order of the list, every
    // range 0–0.
    let items = ["https://one.example/", "https://two.example/", "https://three.example/"]
      .map {
        #"{"type":"url_citation","url_citation":{"url":"\#($0)","title":"t","start_index":0,"end_index":0}}"#
      }
    let body =
      #"{"choices":[{"message":{"role":"assistant","content":"Ruby.[1][3]","annotations":["#
      + items.joined(separator: ",") + #"]}}]}"#
    let response = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(body.utf8))
    #expect(
      response.citations.map(\.url) == [
        "https://one.example/", "https://two.example/", "https://three.example/",
      ])
    #expect(response.citations.allSatisfy { $0.startIndex == 0 && $0.endIndex == 0 })
  }

  @Test func anEmptyAnnotationListIsNoSources() throws {
    let body = #"{"choices":[{"message":{"role":"assistant","content":"x","annotations":[]}}]}"#
    let response = try JSONDecoder().decode(ChatCompletionResponse.self, from: Data(body.utf8))
    #expect(response.citations == [])
  }

  @Test func theCachingDiscountIsReadFromTheUsageOrItsCostDetails() throws {
    let direct = try JSONDecoder().decode(
      Usage.self, from: Data(#"{"prompt_tokens":10,"cache_discount":0.0012}"#.utf8))
    #expect(direct.cacheSavings == Decimal(string: "0.0012"))
    let nested = try JSONDecoder().decode(
      Usage.self,
      from: Data(
        #"{"cost_details":{"upstream_inference_cost":null,"cache_discount":-0.0003}}"#.utf8))
    #expect(nested.cacheSavings == Decimal(string: "-0.0003"))
    let none = try JSONDecoder().decode(
      Usage.self,
      from: Data(#"{"prompt_tokens_details":{"cached_tokens":5},"cache_discount":"x"}"#.utf8))
    #expect(none.cacheSavings == nil)
    #expect(none.cachedTokens == 5)
  }

  // MARK: - Requests

  @Test func searchCachingAndRoutingGoOutExactly() async throws {
    let stub = try await StubOpenRouter.start()
    var request = ChatRequest(
      model: "anthropic/claude-sonnet-4.6",
      messages: [
        ChatMessage(role: .system, content: .parts([.text("Be brief.", cacheControl: .ephemeral)])),
        .user("Hi"),
      ],
      maxTokens: 100,
      provider: ProviderPreferences(
        order: ["anthropic"], allowFallbacks: false, requireParameters: true,
        dataCollection: "deny", zdr: true, only: ["anthropic", "amazon-bedrock"],
        ignore: ["deepinfra"], quantizations: ["fp8"], sort: "latency",
        maxPrice: .init(prompt: 3, completion: 15)))
    request.tools = [.webSearch(engine: "exa", maxResults: 3)]
    _ = await TestClients.collect(TestClients.client(for: stub).stream(request))
    let captured = try #require(stub.chatRequests.first)
    let expected =
      #"{"max_tokens":100,"messages":[{"content":[{"cache_control":{"type":"ephemeral"},"#
      + #""text":"Be brief.","type":"text"}],"role":"system"},{"content":"Hi","role":"user"}],"#
      + #""model":"anthropic/claude-sonnet-4.6","provider":{"allow_fallbacks":false,"#
      + #""data_collection":"deny","ignore":["deepinfra"],"max_price":{"completion":15,"prompt":3},"#
      + #""only":["anthropic","amazon-bedrock"],"order":["anthropic"],"quantizations":["fp8"],"#
      + #""require_parameters":true,"sort":"latency","zdr":true},"stream":true,"#
      + #""tools":[{"parameters":{"engine":"exa","max_results":3},"type":"openrouter:web_search"}]}"#
    #expect(captured.bodyText == expected)
    // And it reads back as sent.
    let decoded = try captured.chatRequest()
    #expect(
      decoded.messages.first?.content == .parts([.text("Be brief.", cacheControl: .ephemeral)]))
    #expect(decoded.tools == [.webSearch(engine: "exa", maxResults: 3)])
    await stub.shutdown()
  }

  @Test func aWebSearchToolWithDefaultsHasNoParameters() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let text = String(decoding: try encoder.encode(ToolDefinition.webSearch()), as: UTF8.self)
    #expect(text == #"{"type":"openrouter:web_search"}"#)
  }

  @Test func aPartWithUnknownKeysKeepsThemBesideItsCacheControl() throws {
    let json =
      #"{"type":"text","text":"x","cache_control":{"type":"ephemeral","ttl":"1h"},"future":1}"#
    let part = try JSONDecoder().decode(ContentPart.self, from: Data(json.utf8))
    #expect(part.cacheControl == CacheControl(ttl: "1h"))
    #expect(part.other == ["future": .number(1)])
  }
}
