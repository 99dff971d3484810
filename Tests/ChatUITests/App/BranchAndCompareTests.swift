import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatUI

/// A message of a tree: `parent` names the message it follows.
private func node(
  _ id: String, _ role: MessageRole, _ content: String, _ position: Int, parent: String?,
  cost: Decimal? = nil, status: MessageStatus = .complete, model: String? = "openai/gpt-5-mini",
  at seconds: Double = 0
) -> Message {
  Message(
    id: id, sessionID: "s1", position: position, parentID: parent, role: role, content: content,
    agent: "assistant", model: model, status: status,
    usage: cost.map { TokenUsage(promptTokens: 10, completionTokens: 5, cost: $0) },
    createdAt: referenceDate.addingTimeInterval(seconds))
}

/// u0 r0 u1 r1 u2 r2, each reply costing 0.01.
private let path: [Message] = (0..<3).flatMap { turn -> [Message] in
  let user = node(
    "u\(turn)", .user, "question \(turn)", 2 * turn, parent: turn == 0 ? nil : "r\(turn - 1)",
    at: Double(10 * turn))
  let reply = node(
    "r\(turn)", .assistant, "answer \(turn)", 2 * turn + 1, parent: "u\(turn)",
    cost: Decimal(string: "0.01"), at: Double(10 * turn + 1))
  return [user, reply]
}

private func loaded() -> AppState {
  var state = makeState()
  apply(&state, .opened(session(), path.map { TranscriptEntry(message: $0) }))
  return state
}

/// Selects transcript item `index` with the keys, from the input.
private func select(_ index: Int, in state: inout AppState) {
  if state.focus != .transcript { apply(&state, escape) }  // to the transcript
  state.transcript.selection = nil
  let steps = state.transcript.items.count - index
  for _ in 0..<steps { apply(&state, .key(KeyEvent(.up))) }
}

@Suite struct BranchTests {
  @Test func editingAnEarlierMessageSendsItAsANewBranch() {
    var state = loaded()
    select(2, in: &state)
    #expect(state.transcript.selection == 2)
    #expect(apply(&state, .key(.character("e"))).isEmpty)
    #expect(state.focus == .composer)
    #expect(state.composer.text == "question 1")
    #expect(state.pendingEdit == PendingEdit(messageID: "u1", number: 3))
    type(" again", into: &state)
    let effects = apply(&state, enter)
    #expect(
      effects == [
        .send(
          1, sessionID: "s1", agentName: "assistant", overrides: .init(),
          text: "question 1 again", replacing: "u1")
      ])
    #expect(state.pendingEdit == nil)
    let edited = node("u1b", .user, "question 1 again", 2, parent: "r0", at: 100)
    let reply = node("r1b", .assistant, "", 3, parent: "u1b", status: .streaming, at: 101)
    apply(
      &state,
      .conversation(
        1, .started(session: session(), userMessage: edited, reply: reply), at: referenceDate))
    let items = state.transcript.items
    #expect(items.map(\.message.id) == ["u0", "r0", "u1b", "r1b"])
    #expect(items[2].otherVariants.map(\.id) == ["u1"])
    #expect(items[2].variantNumber == 2)
    #expect(items[2].variantCount == 2)
    // The old branch's replies left the screen; the session's cost still counts them.
    #expect(state.transcript.totalCost == Decimal(string: "0.01"))
    #expect(state.sessionCost == Decimal(string: "0.03"))
  }

  @Test func escapeCancelsAPendingEdit() {
    var state = loaded()
    select(0, in: &state)
    apply(&state, .key(.character("e")))
    apply(&state, escape)
    #expect(state.pendingEdit == nil)
    #expect(state.composer.text == "question 0")
    #expect(
      apply(&state, enter).first
        == .send(1, sessionID: "s1", agentName: "assistant", overrides: .init(), text: "question 0")
    )
  }

  @Test func editingAReplyIsRefusedWithAHint() {
    var state = loaded()
    select(3, in: &state)
    apply(&state, .key(.character("e")))
    #expect(state.pendingEdit == nil)
    #expect(
      state.banner?.text == "Select one of your messages to edit it (r asks again for a reply)")
  }

  @Test func switchingBranchOnAUserMessageBringsItsContinuationBack() {
    var state = makeState()
    // The edited branch is shown; the original question 1 is its variant.
    let edited = node("u1b", .user, "question 1 again", 2, parent: "r0", at: 100)
    let editedReply = node(
      "r1b", .assistant, "answer 1b", 3, parent: "u1b", cost: Decimal(string: "0.02"), at: 101)
    apply(
      &state,
      .sessionOpened(
        reference: "s1",
        .success(
          OpenedSession(
            session: session(),
            entries: [
              TranscriptEntry(message: path[0]), TranscriptEntry(message: path[1]),
              TranscriptEntry(message: edited, otherVariants: [path[2]]),
              TranscriptEntry(message: editedReply),
            ],
            totalCost: Decimal(string: "0.05")))))
    #expect(state.sessionCost == Decimal(string: "0.05"))
    select(2, in: &state)
    #expect(apply(&state, .key(.character("["))) == [.switchBranch(messageID: "u1")])
    // The message switches at once; what follows comes from the store.
    #expect(state.transcript.items[2].message.id == "u1")
    #expect(state.transcript.items[2].variantNumber == 1)
    var original = path.map { TranscriptEntry(message: $0) }
    original[2].otherVariants = [edited]
    apply(&state, .branchSwitched(messageID: "u1", .success(original)))
    #expect(state.transcript.items.map(\.message.id) == ["u0", "r0", "u1", "r1", "u2", "r2"])
    #expect(state.transcript.selection == 2)
    #expect(state.sessionCost == Decimal(string: "0.05"))
    // An answer for a variant no longer shown changes nothing.
    apply(&state, .branchSwitched(messageID: "u1b", .success([])))
    #expect(state.transcript.items.count == 6)
  }

  @Test func regeneratingAReplyInTheMiddleKeepsTheLaterMessagesOnItsBranch() {
    var state = loaded()
    select(1, in: &state)
    let effects = apply(&state, .key(.character("r")))
    #expect(
      effects == [
        .regenerate(1, sessionID: "s1", agentName: "assistant", overrides: .init(), replyID: "r0")
      ])
    let again = node("r0b", .assistant, "", 1, parent: "u0", status: .streaming, at: 200)
    apply(
      &state,
      .conversation(
        1, .started(session: session(), userMessage: nil, reply: again), at: referenceDate))
    #expect(state.transcript.items.map(\.message.id) == ["u0", "r0b"])
    #expect(state.transcript.items[1].otherVariants.map(\.id) == ["r0"])
    apply(&state, .conversation(1, .content("new answer"), at: referenceDate))
    #expect(state.transcript.items[1].message.content == "new answer")
    var done = again
    done.content = "new answer"
    done.status = .complete
    done.usage = TokenUsage(cost: Decimal(string: "0.01"))
    apply(&state, .requestEnded(1, .finished(done), at: referenceDate))
    #expect(state.completion == .idle)
    #expect(state.sessionCost == Decimal(string: "0.04"))
    // The old variant's branch is one switch away.
    select(1, in: &state)
    #expect(apply(&state, .key(.character("["))) == [.switchBranch(messageID: "r0")])
  }

  @Test func slashRetryAsksAgainForTheLastReplyWhateverIsSelected() {
    var state = loaded()
    select(1, in: &state)
    apply(&state, .key(KeyEvent(.tab, .shift)))  // back to the input
    type("/retry", into: &state)
    #expect(
      apply(&state, enter) == [
        .regenerate(1, sessionID: "s1", agentName: "assistant", overrides: .init())
      ])
  }
}

@Suite struct CompareTests {
  static let models = ["openai/gpt-5", "anthropic/claude-sonnet-4.5", "google/gemini-2.5-pro"]

  /// A compare of the three models started from the input, each reply started.
  func started(_ state: inout AppState, prompt: String = "Which is best?") -> [RequestID] {
    type("/compare \(Self.models.joined(separator: " ")) \(prompt)", into: &state)
    let effects = apply(&state, enter)
    guard case .compare(let ids, _, _, _, _, _, _)? = effects.first else { return [] }
    let question = node("q", .user, prompt, 0, parent: nil, at: 0)
    for (index, id) in ids.enumerated() {
      let reply = node(
        "c\(index)", .assistant, "", 1, parent: "q", status: .streaming, model: Self.models[index],
        at: 1 + Double(index) / 1000)
      apply(
        &state,
        .conversation(
          id, .started(session: session(), userMessage: question, reply: reply), at: referenceDate))
    }
    return ids
  }

  func finished(_ index: Int, _ text: String, cost: String = "0.01") -> Message {
    var reply = node(
      "c\(index)", .assistant, text, 1, parent: "q", cost: Decimal(string: cost),
      model: Self.models[index], at: 1 + Double(index) / 1000)
    reply.timeToFirstTokenMilliseconds = 300
    reply.durationMilliseconds = 1300
    return reply
  }

  @Test func slashCompareSendsThePromptToEveryModelAtOnce() {
    var state = makeState()
    type("/compare \(Self.models.joined(separator: " ")) Which is best?", into: &state)
    let effects = apply(&state, enter)
    #expect(
      effects == [
        .compare(
          [1, 2, 3], sessionID: nil, agentName: "assistant", overrides: .init(),
          text: "Which is best?", models: Self.models)
      ])
    let compare = try? #require(state.compare)
    #expect(compare?.columns.map(\.model) == Self.models)
    #expect(compare?.prompt == "Which is best?")
    #expect(state.focus == .transcript)
    #expect(state.isBusy)
  }

  @Test func repliesStreamIntoTheirOwnColumnsAndOneFailingLeavesTheOthers() {
    var state = makeState(columns: 200, rows: 50)
    let ids = started(&state)
    #expect(state.transcript.items.map(\.message.id) == ["q"])
    // Time to first token counts from the request, whatever the idle state's clock said.
    state.compare?.columns[0].startedAt = referenceDate.addingTimeInterval(-5)
    apply(
      &state,
      .conversation(
        ids[0],
        .started(
          session: session(), userMessage: nil,
          reply: node("c0", .assistant, "", 1, parent: "q", status: .streaming, at: 1)),
        at: referenceDate.addingTimeInterval(-0.5)))
    apply(&state, .contentBurst(ids[0], text: "GPT says", pieces: 2, at: referenceDate))
    let column = state.compare?.columns[0]
    #expect(column.flatMap { $0.firstTextAt?.timeIntervalSince($0.startedAt) } == 0.5)
    apply(&state, .conversation(ids[2], .content("Gemini says"), at: referenceDate))
    var failed = node("c1", .assistant, "Claude st", 1, parent: "q", status: .error, at: 1.001)
    failed.error = "The provider disconnected"
    apply(
      &state,
      .requestEnded(
        ids[1], .failed(ChatError(.provider(.upstream), "upstream"), reply: failed),
        at: referenceDate))
    let compare = state.compare
    #expect(compare?.columns.map(\.reply?.content) == ["GPT says", "Claude st", "Gemini says"])
    #expect(compare?.columns.map(\.phase) == [.streaming, .ended, .streaming])
    #expect(compare?.columns[1].failure == "The provider disconnected")
    #expect(compare?.columns[0].deltas == 2)
    // The header's count moves on ticks only (issue 16's rule for figures).
    #expect(compare?.columns[0].shownDeltas == 0)
    apply(&state, .tick(referenceDate.addingTimeInterval(0.25)))
    #expect(state.compare?.columns.map(\.shownDeltas) == [2, 0, 1])
    #expect(state.isBusy)
    // A long reply turns a page in its own column only.
    let long = (1...60).map { "line \($0)\n\n" }.joined()
    apply(&state, .conversation(ids[2], .content(long), at: referenceDate))
    #expect((state.compare?.columns[2].top ?? 0) > 0)
    #expect(state.compare?.columns[0].top == 0)
  }

  @Test func theFirstToFinishIsSelectedAndEnterKeepsTheChosenOne() {
    var state = makeState()
    let ids = started(&state)
    // Column 3 finishes first: the store selects it (what leaving without choosing keeps).
    #expect(
      apply(&state, .requestEnded(ids[2], .finished(finished(2, "third")), at: referenceDate)) == [
        .selectVariant(messageID: "c2")
      ])
    #expect(
      apply(&state, .requestEnded(ids[0], .finished(finished(0, "first")), at: referenceDate))
        .contains(.selectVariant(messageID: "c0")) == false)
    apply(
      &state,
      .requestEnded(ids[1], .finished(finished(1, "second", cost: "0.02")), at: referenceDate))
    #expect(state.compare?.isRunning == false)
    #expect(state.sessionCost == Decimal(string: "0.04"))
    apply(&state, .key(.character("2")))
    #expect(state.compare?.selected == 1)
    let effects = apply(&state, enter)
    #expect(effects.first == .selectVariant(messageID: "c1"))
    #expect(state.compare == nil)
    #expect(state.focus == .composer)
    let last = state.transcript.items.last
    #expect(last?.message.id == "c1")
    #expect(last?.otherVariants.map(\.id) == ["c0", "c2"])
    #expect(last?.variantNumber == 2)
    #expect(state.sessionCost == Decimal(string: "0.04"))
    // The conversation goes on from the kept reply; [ ] on it browses the others.
    select(1, in: &state)
    #expect(apply(&state, .key(.character("]"))) == [.switchBranch(messageID: "c2")])
  }

  @Test func xStopsTheSelectedReplyOnly() {
    var state = makeState()
    let ids = started(&state)
    apply(&state, .key(.character("]")))
    #expect(state.compare?.selected == 1)
    #expect(apply(&state, .key(.character("x"))) == [.cancel(ids[1])])
    #expect(state.compare?.columns.map(\.phase) == [.streaming, .stopping, .streaming])
    apply(&state, .conversation(ids[0], .content("still going"), at: referenceDate))
    var stopped = node("c1", .assistant, "part", 1, parent: "q", status: .cancelled, at: 1.001)
    stopped.content = "part"
    apply(&state, .requestEnded(ids[1], .cancelled(reply: stopped), at: referenceDate))
    #expect(state.compare?.columns[1].reply?.status == .cancelled)
    #expect(state.compare?.columns[0].reply?.content == "still going")
    #expect(state.isBusy)
  }

  @Test func escapeStopsEveryReplyThenLeavesKeepingTheFirstFinished() {
    var state = makeState()
    let ids = started(&state)
    apply(&state, .requestEnded(ids[1], .finished(finished(1, "second")), at: referenceDate))
    #expect(apply(&state, escape) == [.cancel(ids[0]), .cancel(ids[2])])
    for index in [0, 2] {
      var stopped = finished(index, "")
      stopped.status = .cancelled
      apply(&state, .requestEnded(ids[index], .cancelled(reply: stopped), at: referenceDate))
    }
    #expect(state.compare?.isRunning == false)
    // The store already has the first finished reply selected: nothing more to save.
    #expect(apply(&state, escape).isEmpty)
    #expect(state.compare == nil)
    #expect(state.transcript.items.last?.message.id == "c1")
    #expect(state.transcript.items.last?.variantCount == 3)
  }

  @Test func sendingAfterACompareKeepsTheFirstFinishedAndGoesOn() {
    var state = makeState()
    let ids = started(&state)
    type("queued", into: &state)
    apply(&state, enter)
    #expect(state.queuedPrompts == ["queued"])
    for index in [2, 0, 1] {
      apply(
        &state,
        .requestEnded(ids[index], .finished(finished(index, "text \(index)")), at: referenceDate))
    }
    // Queued prompts wait for the choice.
    #expect(state.completion == .idle)
    apply(&state, escape)  // back to the compare
    apply(&state, .key(.character("1")))
    let effects = apply(&state, enter)
    #expect(effects.contains(.selectVariant(messageID: "c0")))
    #expect(
      effects.contains {
        if case .send(_, "s1", _, _, "queued", _, nil) = $0 { true } else { false }
      })
  }

  @Test func slashKeepChoosesByNumber() {
    var state = makeState()
    let ids = started(&state)
    for index in ids.indices {
      apply(
        &state, .requestEnded(ids[index], .finished(finished(index, "text")), at: referenceDate))
    }
    apply(&state, .key(KeyEvent(.tab, .shift)))
    type("/keep 3", into: &state)
    #expect(apply(&state, enter) == [.selectVariant(messageID: "c2")])
    #expect(state.transcript.items.last?.message.id == "c2")
  }

  @Test func anEmptyPromptComparesTheLastMessageAgain() {
    var state = makeState()
    let question = node("q", .user, "hello", 0, parent: nil)
    let earlier = node("old", .assistant, "hi", 1, parent: "q", cost: Decimal(string: "0.01"))
    apply(
      &state,
      .opened(session(), [TranscriptEntry(message: question), TranscriptEntry(message: earlier)]))
    type("/compare a/one b/two", into: &state)
    let effects = apply(&state, enter)
    #expect(
      effects == [
        .compare(
          [1, 2], sessionID: "s1", agentName: "assistant", overrides: .init(), text: nil,
          models: ["a/one", "b/two"])
      ])
    #expect(state.compare?.prompt == "hello")
    for (index, id) in [1, 2].enumerated() {
      let reply = node("n\(index)", .assistant, "", 1, parent: "q", status: .streaming, at: 5)
      apply(
        &state,
        .conversation(
          id, .started(session: session(), userMessage: nil, reply: reply), at: referenceDate))
    }
    // The earlier reply leaves the screen and stays a variant.
    #expect(state.transcript.items.map(\.message.id) == ["q"])
    #expect(state.sessionCost == Decimal(string: "0.01"))
    for (index, id) in [1, 2].enumerated() {
      apply(
        &state,
        .requestEnded(
          id, .finished(node("n\(index)", .assistant, "x", 1, parent: "q", at: 5 + Double(index))),
          at: referenceDate))
    }
    apply(&state, escape)
    #expect(state.transcript.items.last?.message.id == "n0")
    #expect(state.transcript.items.last?.otherVariants.map(\.id) == ["old", "n1"])
  }

  @Test func spaceInTheModelPickerMarksModelsAndEnterComparesThem() {
    var state = makeState()
    let catalog = ModelCatalog(
      snapshot: CatalogSnapshot(
        fetchedAt: referenceDate, source: "test",
        models: Self.models.map { ModelSummary(id: $0, name: $0, contextLength: 128_000) }),
      origin: .bundled)
    type("Which is best?", into: &state)
    apply(&state, .catalogLoaded(catalog), .key(.control("o")))
    apply(&state, .key(.character(" ")))
    #expect(state.modelPicker.marked.count == 1)
    apply(&state, .key(.character(" ")))
    #expect(state.modelPicker.marked.count == 2)
    let effects = apply(&state, enter)
    guard
      case .compare(let ids, nil, "assistant", _, "Which is best?", let models, _)? = effects.last
    else {
      Issue.record("no compare: \(effects)")
      return
    }
    #expect(ids.count == 2)
    #expect(models == Array(state.modelPicker.matches.prefix(2).map(\.model.id)))
    #expect(state.overlay == nil)
    #expect(state.composer.text.isEmpty)
  }

  @Test func parsingCompareAndKeep() {
    #expect(
      SlashCommand.parse("/compare a/x b/y") == .success(.compare(["a/x", "b/y"], prompt: nil)))
    #expect(
      SlashCommand.parse("/compare a/x b/y c/z and/or this\nsecond line")
        == .success(.compare(["a/x", "b/y", "c/z", "and/or"], prompt: "this\nsecond line")))
    #expect(SlashCommand.parse("/compare a/x only one").isFailure)
    #expect(SlashCommand.parse("/compare a/1 a/2 a/3 a/4 a/5").isFailure)
    #expect(SlashCommand.parse("/keep 2") == .success(.keep(2)))
    #expect(SlashCommand.parse("/keep 9").isFailure)
  }

  @Test func columnsSitSideBySideWhenEachGetsFortyCells() {
    let wide = CompareLayout(area: Rect(x: 0, y: 0, width: 170, height: 40), count: 3)
    #expect(wide.isSideBySide)
    #expect(wide.panes.map(\.width) == [54, 54, 54])
    let narrow = CompareLayout(area: Rect(x: 0, y: 0, width: 90, height: 30), count: 3)
    #expect(!narrow.isSideBySide)
    #expect(narrow.panes.count == 1)
    #expect(CompareLayout(area: Rect(x: 0, y: 0, width: 90, height: 30), count: 2).isSideBySide)
  }
}

extension Result {
  var isFailure: Bool { if case .failure = self { true } else { false } }
}
