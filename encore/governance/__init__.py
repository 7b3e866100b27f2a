"""Governance: how a local component becomes a foundation component (``encore promote``).

- `people`: ``governance/roles.yaml`` and each local system's ``system.yaml``;
- `ladder`: the states, steps, approving roles and gates;
- `audit`: the hash-chained, locked, append-only log ``governance/audit.jsonl``;
- `history`: a component's standing replayed from the log (state, approvals, voided ones);
- `repository`: the checkout as governance sees it, and where each spec lives;
- `gates`: the machine's checks per step; `promotion`: the move into the foundation;
- `actions`: the commands, each refusing with a located reason or logging one event.
"""
