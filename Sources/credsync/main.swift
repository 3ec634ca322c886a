print("credsync")
