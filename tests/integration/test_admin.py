"""Daily administration of a running tandemd (issue 12, the daemon's side): the log's wording
for a message handed to a relay.
"""

import sys

sys.dont_write_bytecode = True

import unittest  # noqa: E402

from sink import Sink  # noqa: E402
from tandemtest import (  # noqa: E402
    TandemTestCase, make_config, make_message, send, wait_for)

DOMAIN = "example.com"


class LogWording(TandemTestCase):
    """A message handed to a static route was relayed, not delivered: only its recipient's own
    server (or a local mailbox) delivers it."""

    def test_relayed_to_a_static_route(self):
        with Sink() as sink:
            config = make_config(domain=DOMAIN, static_routes=[
                {"domains": ["*"], "host": "127.0.0.1", "port": sink.port}])
            daemon = self.start_daemon(config)
            send(daemon.port, "alice@example.com", ["carol@remote.test", "bob@example.com"],
                 make_message(sender="alice@example.com", to="carol@remote.test"))
            hop = "[127.0.0.1]:%d" % sink.port
            self.assertTrue(wait_for(lambda: "relayed to %s for <carol@remote.test>: 250" % hop
                                     in daemon.log(), 10), daemon.log()[-3000:])
            # The Outbox copy for bob went to the same hop; his mailbox here got its own.
            self.assertTrue(wait_for(lambda: "relayed to %s for <bob@example.com>: 250" % hop
                                     in daemon.log(), 10), daemon.log()[-3000:])
            self.assertIn("stored for <bob@example.com> in bob", daemon.log())
            self.assertNotIn("delivered to <carol@remote.test>", daemon.log())
            self.assertNotIn("delivered to <bob@example.com>", daemon.log())


if __name__ == "__main__":
    unittest.main()
