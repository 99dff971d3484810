print("orchat")
