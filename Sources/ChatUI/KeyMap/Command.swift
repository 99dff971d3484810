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
  case previousColumn = "previous_column"
  case nextColumn = "next_column"
  case column1 = "column_1"
  case column2 = "column_2"
  case column3 = "column_3"
  case column4 = "column_4"
  case stopColumn = "stop_column"
  case keepColumn = "keep_column"
  case columnUp = "column_up"
  case columnDown = "column_down"
  case columnTop = "column_top"
  case columnBottom = "column_bottom"

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
    case .regenerate: "ask again for the selected reply (else the last): a new variant there"
    case .edit: "edit the selected message (else your last) and send it as a new branch"
    case .copy: "copy the selected message (raw markdown) or source link"
    case .previousVariant: "previous variant or branch of the selected message"
    case .nextVariant: "next variant or branch of the selected message"
    case .previousColumn: "previous reply"
    case .nextColumn: "next reply"
    case .column1: "reply 1"
    case .column2: "reply 2"
    case .column3: "reply 3"
    case .column4: "reply 4"
    case .stopColumn: "stop this reply (the others go on)"
    case .keepColumn: "keep this reply and go on with it (the others stay as its variants)"
    case .columnUp: "scroll the reply up"
    case .columnDown: "scroll the reply down"
    case .columnTop: "the reply's start"
    case .columnBottom: "follow the reply's end"
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
  /// While a compare is on screen and has the focus.
  case compare
}
