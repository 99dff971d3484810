import ChatDomain

/// What the reducer asks the runtime to do. Named as imperatives; values, so tests can
/// compare them.
public enum Effect: Sendable, Hashable {
  /// Send a message through the conversation engine.
  case send(RequestID, sessionID: String?, agentName: String, overrides: ConversationOverrides, text: String)
  /// Ask again for the last reply of a session.
  case regenerate(RequestID, sessionID: String, agentName: String, overrides: ConversationOverrides)
  case cancel(RequestID)
  case openSession(id: String)
  case listSessions
  case searchSessions(String)
  case renameSession(id: String, title: String)
  case deleteSession(id: String)
  case exportSession(id: String, format: ExportFormat, path: String)
  case selectVariant(messageID: String)
  /// Put text on the clipboard (OSC 52, and wl-copy or xclip when present).
  case copy(String, description: String)
  /// Edit text in `$EDITOR`; answers with `.editorFinished`.
  case openEditor(String)
  case refreshCatalog
  case loadCredits
  case changeTheme(String)
  case quit
}
