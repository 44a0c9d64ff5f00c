"""What leaves the program as text or files: the CLI's tables, CSV and parameter listings.

Views read results and scenarios; they compute nothing the engine could.
"""
