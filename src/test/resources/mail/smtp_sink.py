# A real SMTP server for MailAlertIT: Python's stdlib smtpd (Debian 12's python3 is 3.11, which
# still ships it) listening on ADDR PORT, appending to the file OUT
# a block per accepted message: FROM <envelope sender>, TO <recipients, comma separated>, the
# message as received (dot-stuffing undone, lines joined by LF), then a line of five '='.
import asyncore
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import smtpd  # noqa: E402


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        with open(sys.argv[3], "a") as f:
            f.write("FROM " + mailfrom + "\nTO " + ",".join(rcpttos) + "\n" + data + "\n=====\n")


Sink((sys.argv[1], int(sys.argv[2])), None, decode_data=True)
print("listening", flush=True)
asyncore.loop()
