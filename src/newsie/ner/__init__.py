"""newsie.ner"""
