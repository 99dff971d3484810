import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatUI

/// Sources under replies (live, with markers, selectable, copyable), `/web`, `/provider`,
/// and the provider of a reply, through the reducer.
@Suite struct SourcesAndRoutingTests {
  let blog = Citation(
    url: "https://www.swift.org/blog/", title: "Swift.org - Blog", startIndex: 6, endIndex: 16)
  let docs = Citation(
    url: "https://www.swift.org/documentation/", title: "Docs", startIndex: 0, endIndex: 0)

  @Test func sourcesArriveWhileTheReplyStreamsAndMarkersAppearWhenItEnds() {
    var state = makeState()
    let id = startReply(&state)
    apply(
      &state,
      .conversation(id, .served(model: "openai/gpt-5.2", provider: "OpenAI"), at: referenceDate),
      .conversation(id, .citations([blog]), at: referenceDate),
      .conversation(id, .content("It is [the blog] now."), at: referenceDate),
      .conversation(id, .citations([blog, docs]), at: referenceDate))
    let item = state.transcript.items[1]
    #expect(item.message.provider == "OpenAI")
    #expect(item.sources.map(\.number) == [1, 2])
    #expect(state.transcript.visibleText.contains("[1] Swift.org - Blog · swift.org"))
    // While streaming the text is as it came; the markers need the whole text.
    #expect(state.transcript.visibleText.contains("It is [the blog] now."))
    var final = item.message
    final.status = .complete
    apply(&state, .requestEnded(id, .finished(final), at: referenceDate))
    #expect(state.transcript.visibleText.contains("It is [the blog][1] now."))
    #expect(
      Array(state.transcript.visibleText.suffix(7))
        == [
          "It is [the blog][1] now.", "Sources", "[1] Swift.org - Blog · swift.org",
          "    https://www.swift.org/blog/", "[2] Docs · swift.org",
          "    https://www.swift.org/documentation/", "",
        ])
  }

  @Test func withHyperlinksASourceIsOneLine() {
    var state = makeState()
    state.hyperlinks = true
    var reply = message("r1", .assistant, "Answer.", position: 1)
    reply.citations = [docs]
    apply(&state, .opened(session(), [TranscriptEntry(message: reply)]))
    #expect(
      Array(state.transcript.visibleText.suffix(4)) == [
        "Answer.", "Sources", "[1] Docs · swift.org", "",
      ])
  }

  @Test func markersFollowPassagesAndNeverMoveText() {
    let text = "ab ([x](https://x.example/)) cd é."
    let passage = Citation(url: "https://x.example/", startIndex: 3, endIndex: 28)
    let atEnd = Citation(url: "https://y.example/", startIndex: 0, endIndex: 99)
    let none = Citation(url: "https://z.example/", startIndex: 0, endIndex: 0)
    #expect(
      CitationMarkers.insert(into: text, citations: [none, passage, atEnd, passage])
        == "ab ([x](https://x.example/))[2][4] cd é.[3]")
    #expect(CitationMarkers.insert(into: "Ruby.[1][3]", citations: [none]) == "Ruby.[1][3]")
  }

  @Test func upAndDownWalkThroughSourcesAndYCopiesTheURL() {
    var state = makeState()
    var reply = message("r1", .assistant, "Answer.", position: 1)
    reply.citations = [blog, docs]
    apply(
      &state,
      .opened(
        session(),
        [
          TranscriptEntry(message: message("u1", .user, "q", position: 0)),
          TranscriptEntry(message: reply),
        ]))
    state.focus = .transcript
    let up = Action.key(KeyEvent(.up))
    apply(&state, up)
    #expect(state.transcript.selection == 1)
    #expect(state.transcript.sourceSelection == 1)
    #expect(
      apply(&state, .key(.character("y"))) == [
        .copy("https://www.swift.org/documentation/", description: "the link of source 2")
      ])
    apply(&state, up, up)
    #expect(state.transcript.selection == 1)
    #expect(state.transcript.sourceSelection == nil)
    #expect(apply(&state, .key(.character("y"))) == [.copy("Answer.", description: "the reply")])
    apply(&state, up)
    #expect(state.transcript.selection == 0)
    apply(&state, .key(KeyEvent(.down)))
    #expect(state.transcript.selection == 1 && state.transcript.sourceSelection == nil)
    apply(&state, .key(KeyEvent(.down)))
    #expect(state.transcript.sourceSelection == 0)
    apply(&state, .copied(what: "the link of source 1", characters: 27))
    #expect(state.banner?.text == "Copied the link of source 1 (27 characters)")
  }

  /// A reply with a picture it made and sources: the selection walks the reply, its chip,
  /// then its sources, as they read top to bottom. Enter opens the chip, `y` copies a
  /// source's link; on a source Enter opens no file, on the chip `y` copies the reply.
  @Test func upAndDownWalkTheChipsThenTheSources() {
    var state = makeState()
    let picture = Attachment(
      sha256: String(repeating: "a", count: 64), name: "image-1.png", mediaType: "image/png",
      kind: .image, byteCount: 1200, width: 4, height: 3)
    var reply = message("r1", .assistant, "Answer.", position: 1)
    reply.citations = [blog, docs]
    reply.attachments = [picture]
    apply(
      &state,
      .opened(
        session(),
        [
          TranscriptEntry(message: message("u1", .user, "q", position: 0)),
          TranscriptEntry(message: reply),
        ]))
    #expect(
      Array(state.transcript.visibleText.suffix(8))
        == [
          "Answer.[1]", "·attachment 0·", "Sources", "[1] Swift.org - Blog · swift.org",
          "    https://www.swift.org/blog/", "[2] Docs · swift.org",
          "    https://www.swift.org/documentation/", "",
        ])
    state.focus = .transcript
    let up = Action.key(KeyEvent(.up))
    let down = Action.key(KeyEvent(.down))
    var stops: [String] = []
    func stop() -> String {
      let t = state.transcript
      return "\(t.selection ?? -1) \(t.selectedAttachment.map { "chip \($0)" } ?? "-") "
        + (t.sourceSelection.map { "source \($0)" } ?? "-")
    }
    for _ in 0..<5 {
      apply(&state, up)
      stops.append(stop())
    }
    #expect(stops == ["1 - source 1", "1 - source 0", "1 chip 0 -", "1 - -", "0 - -"])
    stops = []
    for _ in 0..<5 {
      apply(&state, down)
      stops.append(stop())
    }
    #expect(stops == ["1 - -", "1 chip 0 -", "1 - source 0", "1 - source 1", "1 - source 1"])
    apply(&state, up, up)
    #expect(stop() == "1 chip 0 -")
    #expect(apply(&state, .key(KeyEvent(.enter))) == [.openAttachment(picture)])
    #expect(apply(&state, .key(.character("y"))) == [.copy("Answer.", description: "the reply")])
    apply(&state, down)
    #expect(
      apply(&state, .key(.character("y"))) == [
        .copy("https://www.swift.org/blog/", description: "the link of source 1")
      ])
    #expect(apply(&state, .key(KeyEvent(.enter))) != [.openAttachment(picture)])
  }

  @Test func sourceTitlesAreSanitisedAndKeptToOneLine() {
    let line = SourceLine(
      number: 3,
      citation: Citation(
        url: "https://www.example.org/x", title: "A\u{1B}]0;pwned\u{07} \n  title\u{202E}"))
    #expect(line.title == "A title")
    #expect(line.domain == "example.org")
    #expect(line.label == "[3] ")
    #expect(line.linkText == "A title · example.org")
  }

  @Test func webSwitchesSearchForTheSession() {
    var state = makeState()
    #expect(!state.isWebSearchOn)
    state.composer.set("/web")
    apply(&state, enter)
    #expect(state.isWebSearchOn)
    #expect(state.overrides.webSearch == true)
    #expect(
      state.banner?.text
        == "Web search on for this session: the model may search (each search costs extra)")
    state.composer.set("/web off")
    apply(&state, enter)
    #expect(!state.isWebSearchOn)
    #expect(state.overrides.webSearch == nil)  // the agent's own setting again
    #expect(state.banner?.text == "Web search off for this session")
    type("hi", into: &state)
    state.composer.set("/web on")
    apply(&state, enter)
    type("look it up", into: &state)
    guard case .send(_, _, _, let overrides, _, _, _)? = apply(&state, enter).first else {
      Issue.record("no send")
      return
    }
    #expect(overrides.webSearch == true)
    // The switch is the session's: it survives a change of agent.
    state.composer.set("/agent coder")
    apply(&state, enter)
    #expect(state.agentName == "coder")
    #expect(state.isWebSearchOn)
    state.composer.set("/web maybe")
    apply(&state, enter)
    #expect(state.banner?.text == "Usage: /web [on|off]")
  }

  @Test func anAgentThatSearchesCanBeSwitchedOffForTheSession() {
    var agents = Agent.builtIns
    agents[0].webSearch = Agent.WebSearch(engine: "exa")
    var state = AppState(
      size: TerminalSize(columns: 120, rows: 40), agents: agents, agentName: agents[0].name,
      hasAPIKey: true, now: referenceDate)
    #expect(state.isWebSearchOn)
    state.composer.set("/web")
    apply(&state, enter)
    #expect(state.overrides.webSearch == false)
    #expect(!state.isWebSearchOn)
  }

  @Test func providerSaysWhatTheNextMessageIsRoutedWith() {
    var agents = Agent.builtIns
    agents[0].provider = Agent.ProviderRouting(
      order: ["anthropic", "amazon-bedrock"], sort: "latency", allowFallbacks: false,
      ignore: ["deepinfra"], dataCollection: "deny", zdr: true, requireParameters: true,
      quantizations: ["fp8"], maxPrice: .init(prompt: 3, completion: 15.5))
    var state = AppState(
      size: TerminalSize(columns: 120, rows: 40), agents: agents, agentName: agents[0].name,
      hasAPIKey: true, now: referenceDate)
    state.composer.set("/provider")
    apply(&state, enter)
    let expected = [
      "Next message to openai/gpt-5-mini: order anthropic › amazon-bedrock", "never deepinfra",
      "fastest or cheapest by latency", "no other providers", "zero data retention only",
      "no providers that keep prompts", "only providers supporting every setting",
      "quantizations fp8", "input ≤ $3/M, output ≤ $15.5/M",
    ].joined(separator: " · ")
    #expect(state.banner?.text == expected)
    #expect(state.banner?.expiresAt == referenceDate + 12)
    var plain = makeState()
    plain.overrides.model = "@preset/research"
    plain.composer.set("/provider")
    apply(&plain, enter)
    let preset: String =
      "Next message to @preset/research (the preset's own routing applies too): "
      + "OpenRouter's default routing (providers weighed by price, with fallbacks)"
    #expect(plain.banner?.text == preset)
  }
}
