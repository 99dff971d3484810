import ChatDomain
import ChatUI
import Foundation
import TerminalBackend
import Testing

@testable import ChatApp

/// Issue 16: posts wake the loop only when it would not look anyway.
@Suite struct MailboxTests {
  @Test func aPostWakesAnIdleLoopOnceAndNotWhileItWillDrainSoon() throws {
    let wake = try WakeSignal()
    let mailbox = Mailbox(wake: wake)
    mailbox.post(.tick(Date()))
    #expect(wake.wait(timeout: .zero))  // the first post woke it
    mailbox.post(.tick(Date()))
    #expect(wake.wait(timeout: .zero) == false)  // the second, behind it, did not
    #expect(mailbox.drain().count == 2)

    #expect(mailbox.prepareToWait(drainsSoon: true) == false)
    mailbox.post(.tick(Date()))
    #expect(wake.wait(timeout: .zero) == false)  // the loop drains within a frame anyway
    #expect(mailbox.drain().count == 1)

    #expect(mailbox.prepareToWait(drainsSoon: false) == false)
    mailbox.post(.tick(Date()))
    #expect(wake.wait(timeout: .zero))
  }

  /// A post that lands after the loop drained, while it still meant to drain soon, woke
  /// nothing: the loop's next long wait must learn of it, or the action (a reply's end, say)
  /// would sit unseen until a key is pressed.
  @Test func aPostThatWokeNothingIsReportedBeforeTheNextLongWait() throws {
    let wake = try WakeSignal()
    let mailbox = Mailbox(wake: wake)
    #expect(mailbox.prepareToWait(drainsSoon: true) == false)
    _ = mailbox.drain()
    mailbox.post(.tick(Date()))
    #expect(wake.wait(timeout: .zero) == false)
    #expect(mailbox.prepareToWait(drainsSoon: false))
    #expect(mailbox.drain().count == 1)
    #expect(mailbox.prepareToWait(drainsSoon: false) == false)
  }
}
