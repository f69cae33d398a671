"""Mail backends that fail the way real mail servers do, for the digest tests."""

from smtplib import SMTPRecipientsRefused, SMTPServerDisconnected

from django.core.mail.backends.base import BaseEmailBackend

sent: list[str] = []
healthy = False
refused = ""


class FailAfterTwoBackend(BaseEmailBackend):
    """Accepts two messages, then the server goes away until `healthy` is set."""

    def send_messages(self, messages):
        for message in messages:
            if len(sent) >= 2 and not healthy:
                raise SMTPServerDisconnected("Connection unexpectedly closed")
            sent.extend(message.to)
        return len(messages)


class RefuseOneAddressBackend(BaseEmailBackend):
    def send_messages(self, messages):
        for message in messages:
            if refused in message.to:
                raise SMTPRecipientsRefused({refused: (550, b"No such mailbox")})
            sent.extend(message.to)
        return len(messages)
