"""newsie.normalize"""
