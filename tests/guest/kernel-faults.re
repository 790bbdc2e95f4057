BUG:
WARNING:
KASAN
Oops
Call Trace
possible recursive locking
circular locking
sleeping function called from invalid context
inconsistent lock state
