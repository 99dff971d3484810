import ChatDomain
import Foundation
import OpenRouter

extension ConversationEngine {
  /// The request for a reply and the model it asks for first.
  struct RequestPlan: Sendable {
    var request: ChatRequest
    /// The model recorded as requested: the first of the list.
    var requestedModel: String
  }

  /// `plan` for `overrides.model ?? agent.model`, with this engine's default PDF engine and
  /// images asked for when the catalog says the model makes them.
  func plan(
    agent: Agent, overrides: ConversationOverrides, history: [Message], sessionID: String,
    files: [String: Data]
  ) -> RequestPlan {
    Self.plan(
      agent: agent, overrides: overrides, history: history, sessionID: sessionID, files: files,
      pdfEngine: defaultPDFEngine,
      outputsImages: catalog?.model(id: overrides.model ?? agent.model)?.makesImages ?? false)
  }

  /// Builds the request: the system prompt, the history, the agent's sampling and routing
  /// with the overrides applied, a fallback list when there is one, the web search server
  /// tool when searching is on, prompt-cache breakpoints where the model needs them, and
  /// `max_tokens` (without one, OpenRouter checks credit against the model's whole output
  /// length) unless the model is a preset that may set its own.
  ///
  /// History holds the transcript's user messages and the replies that have text, whatever
  /// their status: an interrupted reply is what the user saw, and "continue" should work.
  ///
  /// A user message's attachments follow its text as parts (images, PDFs, audio, text files;
  /// OpenRouter.docc/Multimodal.md), with the bytes from `files` (by SHA-256); an attachment
  /// whose bytes are missing is left out. Any PDF adds the `file-parser` plugin with the
  /// agent's engine, else `pdfEngine`. Images a model made stay out of the history: replies
  /// are sent as text. `outputsImages` asks for `modalities: ["image", "text"]`.
  static func plan(
    agent: Agent, overrides: ConversationOverrides, history: [Message], sessionID: String,
    files: [String: Data] = [:], pdfEngine: String? = nil, outputsImages: Bool = false
  ) -> RequestPlan {
    let primary = overrides.model ?? agent.model
    let fallbacks =
      overrides.fallbackModels ?? (overrides.model == nil ? agent.fallbackModels : [])
    let models = [primary] + fallbacks.filter { $0 != primary }
    var messages: [OpenRouter.ChatMessage] = []
    if let system = overrides.systemPrompt ?? agent.systemPrompt,
      !system.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    {
      messages.append(.system(system))
    }
    var hasPDF = false
    for message in history where !message.content.isEmpty || !message.attachments.isEmpty {
      switch message.role {
      case .user where !message.attachments.isEmpty:
        var parts: [ContentPart] = message.content.isEmpty ? [] : [.text(message.content)]
        for attachment in message.attachments {
          guard let data = files[attachment.sha256] else { continue }
          hasPDF = hasPDF || attachment.kind == .pdf
          parts.append(AttachmentParts.part(for: attachment, data: data))
        }
        guard !parts.isEmpty else { continue }
        messages.append(ChatMessage(role: .user, content: .parts(parts)))
      case .assistant where message.content.isEmpty:
        continue
      case .user: messages.append(.user(message.content))
      case .assistant: messages.append(.assistant(message.content))
      case .system: messages.append(.system(message.content))
      }
    }
    if agent.cachesPrompts, PromptCachePolicy.needsBreakpoints(model: primary) {
      PromptCachePolicy.markBreakpoints(in: &messages)
    }
    let isPreset = ModelID.isPreset(primary)
    let maxTokens = overrides.maxTokens ?? agent.maxTokens ?? (isPreset ? nil : defaultMaxTokens)
    var request = ChatRequest(
      model: models.count == 1 ? primary : nil,
      models: models.count > 1 ? models : nil,
      messages: messages,
      temperature: overrides.temperature ?? agent.temperature,
      topP: agent.topP,
      maxTokens: maxTokens,
      reasoning: agent.reasoningEffort.map { ReasoningOptions(effort: $0) },
      provider: agent.provider.flatMap(ProviderPreferences.init(routing:)))
    if let search = overrides.webSearch(for: agent) {
      request.tools = [.webSearch(engine: search.engine, maxResults: search.maxResults)]
    }
    // Sticky routing by session improves the provider's prompt-cache hits
    // (OpenRouter.docc/Requests.md, Sticky sessions).
    request.sessionID = sessionID
    if hasPDF { request.plugins = [.fileParser(pdfEngine: agent.pdfEngine ?? pdfEngine)] }
    if outputsImages { request.modalities = ["image", "text"] }
    return RequestPlan(request: request, requestedModel: primary)
  }
}

extension ProviderPreferences {
  /// The wire form of an agent's routing; `nil` when it sets nothing.
  init?(routing: Agent.ProviderRouting) {
    guard !routing.isEmpty else { return nil }
    self.init(
      order: routing.order, allowFallbacks: routing.allowFallbacks,
      requireParameters: routing.requireParameters, dataCollection: routing.dataCollection,
      zdr: routing.zdr, only: routing.only, ignore: routing.ignore,
      quantizations: routing.quantizations, sort: routing.sort,
      maxPrice: routing.maxPrice.map { MaxPrice(prompt: $0.prompt, completion: $0.completion) })
  }
}

/// Where a request gets prompt-cache breakpoints (OpenRouter.docc/PromptCaching.md).
enum PromptCachePolicy {
  /// The vendors whose models cache only what the request marks.
  static let explicitVendors = ["anthropic/", "google/gemini"]

  /// Whether `model` caches only at breakpoints: Anthropic's and Google's Gemini models,
  /// also as a `~` alias or with a variant suffix. Presets and every other vendor: no.
  static func needsBreakpoints(model: String) -> Bool {
    let id = model.hasPrefix("~") ? String(model.dropFirst()) : model
    return explicitVendors.contains { id.lowercased().hasPrefix($0) }
  }

  /// Marks the system prompt (the first message, when it is one) and the last two user
  /// messages: the older one reads the prefix the previous turn cached, the newer one
  /// writes the prefix the next turn will read. Three breakpoints at most (Anthropic allows
  /// four).
  static func markBreakpoints(in messages: inout [OpenRouter.ChatMessage]) {
    var marked: [Int] = []
    if messages.first?.role == .system { marked.append(0) }
    marked += messages.indices.filter { messages[$0].role == .user }.suffix(2)
    for index in marked {
      guard case .text(let text)? = messages[index].content, !text.isEmpty else { continue }
      messages[index].content = .parts([.text(text, cacheControl: .ephemeral)])
    }
  }
}
