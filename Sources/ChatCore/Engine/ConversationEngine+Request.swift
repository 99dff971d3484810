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

  /// Builds the request: the system prompt, the history, the agent's sampling and routing
  /// with the overrides applied, a fallback list when there is one, and always `max_tokens`
  /// (without one, OpenRouter checks credit against the model's whole output length).
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
    var request = ChatRequest(
      model: models.count == 1 ? primary : nil,
      models: models.count > 1 ? models : nil,
      messages: messages,
      temperature: overrides.temperature ?? agent.temperature,
      topP: agent.topP,
      maxTokens: overrides.maxTokens ?? agent.maxTokens ?? defaultMaxTokens,
      reasoning: agent.reasoningEffort.map { ReasoningOptions(effort: $0) },
      provider: agent.provider.map {
        ProviderPreferences(order: $0.order, allowFallbacks: $0.allowFallbacks, sort: $0.sort)
      })
    // Sticky routing by session improves the provider's prompt-cache hits
    // (OpenRouter.docc/Requests.md, Sticky sessions).
    request.sessionID = sessionID
    if hasPDF { request.plugins = [.fileParser(pdfEngine: agent.pdfEngine ?? pdfEngine)] }
    if outputsImages { request.modalities = ["image", "text"] }
    return RequestPlan(request: request, requestedModel: primary)
  }
}
