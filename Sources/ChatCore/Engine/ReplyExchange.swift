import ChatDomain
import Formatting
import Foundation
import OpenRouter
import Synchronization

/// One request for a reply: sends it, relays what arrives as events, checkpoints the text to
/// the store while it streams, and gathers the outcome. Never throws: failures and
/// cancellation are part of the `Result`.
struct ReplyExchange: Sendable {
  /// What came back.
  struct Result: Sendable {
    var content = ""
    var reasoning = ""
    var servedModel: String?
    var provider: String?
    var generationID: String?
    var finishReason: String?
    var usage: TokenUsage?
    /// The sources cited, with safe URLs only (`Citation.init?(_:)`).
    var citations: [Citation] = []
    var retries: [RetryNotice] = []
    var timeToFirstToken: Duration?
    var duration: Duration = .zero
    /// Whether the reply ended normally (`.finished` arrived).
    var isComplete = false
    var failure: OpenRouterError?
    var isCancelled = false
    /// Images the model made, in order of arrival, saved with the reply when it ends.
    var images: [AttachmentFile] = []
  }

  /// What a stream's events built up, shared between the reading task and this one.
  private final class Gathered: Sendable {
    let result = Mutex(Result())
  }

  let client: OpenRouterClient
  let store: SessionStore
  let replyID: String
  let checkpoints: CheckpointPace
  let emit: @Sendable (ConversationEvent) -> Void

  /// Runs the request. Cancelling the calling task closes the connection; the result then
  /// says `isCancelled` and holds the text that had arrived.
  func run(_ request: ChatRequest, streams: Bool) async -> Result {
    let buffer = ReplyBuffer()
    let start = ContinuousClock.now
    var result = await withTaskGroup(of: Void.self, returning: Result.self) { group in
      group.addTask { await saveCheckpoints(of: buffer) }
      let result = await receive(request, streams: streams, into: buffer, start: start)
      group.cancelAll()
      // The last checkpoint write must land before the final save, never after it.
      await group.waitForAll()
      return result
    }
    let text = buffer.snapshot
    result.content = text.content
    result.reasoning = text.reasoning
    result.duration = ContinuousClock.now - start
    return result
  }

  /// Saves what is new at every beat of `checkpoints` until cancelled.
  private func saveCheckpoints(of buffer: ReplyBuffer) async {
    while true {
      // Cancelled: the reply has ended and gets its final save.
      guard await checkpoints.next() else { return }
      guard let snapshot = buffer.unsavedSnapshot() else { continue }
      do {
        try await store.checkpointReply(
          id: replyID, content: snapshot.content,
          reasoning: snapshot.reasoning.isEmpty ? nil : snapshot.reasoning)
        buffer.markSaved(snapshot.revision)
      } catch {
        // Not fatal to the stream: the next tick tries again, and if the database stays
        // unwritable the final save fails and reports it to the caller.
        continue
      }
    }
  }

  private func receive(
    _ request: ChatRequest, streams: Bool, into buffer: ReplyBuffer, start: ContinuousClock.Instant
  ) async -> Result {
    var result = Result()
    do {
      if streams {
        // Events are handled on the task that reads the response (no hand-over per token);
        // the result comes back to this task through the lock.
        let gathered = Gathered()
        do {
          try await client.stream(request) { event in
            gathered.result.withLock { handle(event, into: &$0, buffer: buffer, start: start) }
          }
          result = gathered.result.withLock { $0 }
        } catch {
          result = gathered.result.withLock { $0 }
          throw error
        }
      } else {
        let completion = try await client.complete(request)
        for event in OpenRouterClient.events(from: completion.response, retries: completion.retries)
        {
          handle(event, into: &result, buffer: buffer, start: start)
        }
      }
      // A cancelled consumer's stream ends quietly, without `.finished`; the client ends
      // every other stream with `.finished` or an error.
      if !result.isComplete {
        if Task.isCancelled {
          result.isCancelled = true
        } else {
          result.failure = OpenRouterError(
            category: .interrupted, message: "the reply ended without finishing")
        }
      }
    } catch is CancellationError {
      result.isCancelled = true
    } catch let error as OpenRouterError {
      if let partial = error.partialContent, !partial.isEmpty {
        handle(.content(partial), into: &result, buffer: buffer, start: start)
      }
      if error.category == .cancelled {
        result.isCancelled = true
      } else {
        result.failure = error
      }
    } catch {
      result.failure = OpenRouterError(category: .decoding, message: String(describing: error))
    }
    return result
  }

  private func handle(
    _ event: ChatStreamEvent, into result: inout Result, buffer: ReplyBuffer,
    start: ContinuousClock.Instant
  ) {
    switch event {
    case .metadata(let metadata):
      result.generationID = result.generationID ?? metadata.generationID
      result.provider = result.provider ?? metadata.provider
      if result.servedModel == nil, let model = metadata.model {
        result.servedModel = model
        emit(.served(model: model, provider: metadata.provider))
      }
    case .content(let text):
      guard !text.isEmpty else { return }
      result.timeToFirstToken = result.timeToFirstToken ?? ContinuousClock.now - start
      buffer.append(content: text)
      emit(.content(text))
    case .reasoning(let text):
      guard !text.isEmpty else { return }
      result.timeToFirstToken = result.timeToFirstToken ?? ContinuousClock.now - start
      buffer.append(reasoning: text)
      emit(.reasoning(text))
    case .toolCall:
      return  // orchat sends no tools; a stray fragment has nothing to run
    case .annotations(let items):
      let added = items.compactMap(Citation.init(wire:))
      guard !added.isEmpty else { return }
      result.citations += added
      emit(.citations(result.citations))
    case .image(let image):
      guard let file = Self.file(of: image, number: result.images.count + 1) else { return }
      result.timeToFirstToken = result.timeToFirstToken ?? ContinuousClock.now - start
      result.images.append(file)
      emit(.image(file.attachment))
    case .finishReason(let reason):
      result.finishReason = reason.rawValue
    case .usage(let usage):
      let converted = TokenUsage(usage)
      result.usage = converted
      emit(.usage(converted))
    case .retrying(let notice):
      result.retries.append(notice)
      emit(
        .retrying(attempt: notice.attempt, delay: notice.delay, reason: notice.error.userMessage))
    case .finished(let summary):
      result.isComplete = true
      result.finishReason = summary.finishReason?.rawValue ?? result.finishReason
      result.usage = summary.usage.map(TokenUsage.init) ?? result.usage
      result.servedModel = result.servedModel ?? summary.metadata.model
      result.generationID = result.generationID ?? summary.metadata.generationID
      result.provider = result.provider ?? summary.metadata.provider
      if !summary.retries.isEmpty { result.retries = summary.retries }
    }
  }
}

extension ReplyExchange {
  /// The attachment for an image a model made: a base64 `data:` URL whose bytes are an image
  /// orchat recognises; anything else (a plain URL, bad base64, not an image) is left out.
  static func file(of image: GeneratedImage, number: Int) -> AttachmentFile? {
    guard let parsed = DataURL.parse(image.url),
      let data = Data(base64Encoded: String(parsed.base64), options: .ignoreUnknownCharacters),
      let sniffed = AttachmentSniffer.sniff(data), sniffed.kind == .image
    else { return nil }
    let name = "image-\(number).\(Attachment.extensions[sniffed.mediaType] ?? "png")"
    return AttachmentSniffer.attachment(name: name, data: data)
  }
}

extension TokenUsage {
  /// The client's usage in the store's terms.
  init(_ usage: Usage) {
    self.init(
      promptTokens: usage.promptTokens, completionTokens: usage.completionTokens,
      totalTokens: usage.totalTokens, reasoningTokens: usage.reasoningTokens,
      cachedTokens: usage.cachedTokens, cost: usage.cost,
      webSearches: usage.webSearchRequests, cacheSavings: usage.cacheSavings)
  }
}

extension Citation {
  /// Titles longer than this are cut (a title is one line of a list).
  static let maximumTitleLength = 300

  /// A stored citation from the wire's, or `nil` when its URL is not a safe `http(s)` URL
  /// (OpenRouter.docc/WebSearch.md, Annotations). The title keeps its characters (it is
  /// sanitised where shown) but loses its line breaks and is cut to a line's length.
  init?(wire: URLCitation) {
    guard let url = LinkSanitizer.httpURL(wire.url) else { return nil }
    var title = (wire.title ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
    if title.count > Self.maximumTitleLength {
      title = String(title.prefix(Self.maximumTitleLength)) + "…"
    }
    self.init(url: url, title: title, startIndex: wire.startIndex, endIndex: wire.endIndex)
  }
}
