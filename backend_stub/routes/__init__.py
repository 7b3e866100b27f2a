"""HTTP routes, one module per area; ``deps`` holds what they share."""
