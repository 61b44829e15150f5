"""newsie.corpora"""
