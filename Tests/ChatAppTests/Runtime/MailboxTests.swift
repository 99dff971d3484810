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

    mailbox.setWillDrainSoon(true)
    mailbox.post(.tick(Date()))
    #expect(wake.wait(timeout: .zero) == false)  // the loop drains within a frame anyway
    #expect(mailbox.drain().count == 1)

    mailbox.setWillDrainSoon(false)
    mailbox.post(.tick(Date()))
    #expect(wake.wait(timeout: .zero))
  }
}
