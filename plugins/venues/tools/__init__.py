"""Run the coordinators' commands: check, report, renewals, field reference."""
