/// What a key binding does. The raw value is the name used in `config.toml`'s `[keys]`.
public enum Command: String, CaseIterable, Sendable, Hashable {
  case submit
  case newline
  case editor
  case cancel
  case quit
  case suspend
  case help
  case focusNext = "focus_next"
  case focusPrevious = "focus_previous"
  case models
  case agents
  case sessions
  case newSession = "new_session"
  case pageUp = "page_up"
  case pageDown = "page_down"
  case top
  case bottom
  case selectPrevious = "select_previous"
  case selectNext = "select_next"
  case toggleReasoning = "toggle_reasoning"
  case regenerate
  case edit
  case copy
  case previousVariant = "previous_variant"
  case nextVariant = "next_variant"

  /// What the help overlay says the command does.
  public var help: String {
    switch self {
    case .submit: "send (queued while a reply streams)"
    case .newline: "new line in the message"
    case .editor: "edit the message in $EDITOR"
    case .cancel: "stop the reply, close, or leave the input"
    case .quit: "quit (press twice; the first stops a reply)"
    case .suspend: "suspend to the shell (fg brings orchat back)"
    case .help: "this help"
    case .focusNext: "next pane"
    case .focusPrevious: "previous pane"
    case .models: "model picker"
    case .agents: "agent list"
    case .sessions: "session browser"
    case .newSession: "new session"
    case .pageUp: "scroll up a page"
    case .pageDown: "scroll down a page"
    case .top: "go to the first message"
    case .bottom: "follow the newest text"
    case .selectPrevious: "select the previous message, attachment or source"
    case .selectNext: "select the next message, attachment or source"
    case .toggleReasoning: "show or hide the reasoning; open the selected attachment"
    case .regenerate: "regenerate the last reply"
    case .edit: "edit and resend the last message"
    case .copy: "copy the selected message (raw markdown) or source link"
    case .previousVariant: "previous variant of the reply"
    case .nextVariant: "next variant of the reply"
    }
  }
}

/// Where a binding applies.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
  /// Anywhere, unless an overlay takes the key.
  case global
  /// While the input editor has the focus.
  case composer
  /// While the transcript has the focus.
  case transcript
}
